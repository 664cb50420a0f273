// Barrel for src/measures/trend: one export line per measure file.
export {};

// Barrel for src/measures/composite: one export line per measure file.
export {};

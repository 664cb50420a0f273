// Barrel for src/measures/spatial: one export line per measure file.
export {};

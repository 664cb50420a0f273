// Barrel for src/measures/inequality: one export line per measure file.
export {};

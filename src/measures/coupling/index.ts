// Barrel for src/measures/coupling: one export line per measure file.
export {};

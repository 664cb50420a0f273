// Barrel for src/measures/coupling: one export line per measure file.
export { couplingCoordination, type CouplingOptions, type CouplingResult } from './coupling-coordination.js';
export { coordinationClass, type CoordinationClass } from './coordination-class.js';

// The model's public face for components and chapters. Exercise graders import chapter
// modules directly (through the @subject alias) so a student's file can stand in for one.
export * from './types';
export * from './summary';
export * from './units';
export * from './validate';
export * from './cost';

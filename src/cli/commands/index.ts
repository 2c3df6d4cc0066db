import type { Command } from '../command.js';
import { check } from './check.js';
import { importCommand } from './import.js';

/** Every subcommand, in the order the help lists them. */
export const commands: Command[] = [check, importCommand];

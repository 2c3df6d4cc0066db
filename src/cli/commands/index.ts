import type { Command } from '../command.js';
import { audit } from './audit.js';
import { check } from './check.js';
import { deadline } from './deadline.js';

/** Every subcommand, in the order the help lists them. */
export const commands: Command[] = [check, audit, deadline];

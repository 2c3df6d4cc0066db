import type { Command } from '../command.js';
import { audit } from './audit.js';
import { check } from './check.js';
import { deadline } from './deadline.js';
import { importCommand } from './import.js';
import { rules } from './rules.js';
import { test } from './test.js';

/** Every subcommand, in the order the help lists them. */
export const commands: Command[] = [check, audit, deadline, importCommand, rules, test];

/**
 * commander, required as the CommonJS package it is (start-up, issue #20):
 * its ESM entry (esm.mjs) is one more module and a lexer pass over index.js
 * to find the names — about 5 ms of every command. The same objects either way.
 */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';

const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const Command = commander.Command;
export type Command = Commander.Command;
export const Option = commander.Option;
export type Option = Commander.Option;
export const CommanderError = commander.CommanderError;

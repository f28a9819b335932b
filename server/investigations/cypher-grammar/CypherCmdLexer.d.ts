// Types for the generated lexer beside this file: the members the server uses (see README.md).
import * as antlr from 'antlr4ng';

export declare class CypherCmdLexer extends antlr.Lexer {
  constructor(input: antlr.CharStream);
  get grammarFileName(): string;
  get ruleNames(): string[];
  get serializedATN(): number[];
  get channelNames(): string[];
  get modeNames(): string[];
  get vocabulary(): antlr.Vocabulary;
}

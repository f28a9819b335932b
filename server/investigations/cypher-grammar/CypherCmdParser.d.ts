// Types for the generated parser beside this file: the members the server uses (see README.md).
import * as antlr from 'antlr4ng';

export declare class CypherCmdParser extends antlr.Parser {
  constructor(input: antlr.TokenStream);
  get grammarFileName(): string;
  get ruleNames(): string[];
  get serializedATN(): number[];
  get vocabulary(): antlr.Vocabulary;
  /** The grammar's entry rule: one or more statements or client commands, then end of input. */
  statementsOrCommands(): antlr.ParserRuleContext;
}

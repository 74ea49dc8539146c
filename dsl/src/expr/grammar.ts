import { CstParser, type CstNode } from 'chevrotain';
import { allTokens, And, Comparator, Dot, Identifier, LParen, Not, NumberLiteral, Or, RParen } from './tokens.js';

/**
 * The expression grammar (precedence low to high: OR, AND, NOT, comparison):
 * expression := orExpr; orExpr := andExpr (OR andExpr)*; andExpr := notExpr (AND notExpr)*;
 * notExpr := NOT notExpr | comparison; comparison := operand (Comparator operand)?;
 * operand := "(" expression ")" | Number | reference; reference := Identifier ("." Identifier)?
 * Semantics (members, types, references) live in later passes, not here.
 */
class ExpressionGrammar extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, nodeLocationTracking: 'none' });
    this.performSelfAnalysis();
  }

  readonly expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr);
  });

  readonly orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(Or);
      this.SUBRULE2(this.andExpr, { LABEL: 'operands' });
    });
  });

  readonly andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(And);
      this.SUBRULE2(this.notExpr, { LABEL: 'operands' });
    });
  });

  readonly notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  readonly comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.operand, { LABEL: 'left' });
    this.OPTION(() => {
      this.CONSUME(Comparator);
      this.SUBRULE2(this.operand, { LABEL: 'right' });
    });
  });

  readonly operand = this.RULE('operand', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(RParen);
        },
      },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.SUBRULE(this.reference) },
    ]);
  });

  readonly reference = this.RULE('reference', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(Dot);
      this.CONSUME2(Identifier, { LABEL: 'member' });
    });
  });
}

/** The one parser instance; reset by assigning `input` before each parse. */
export const exprParser = new ExpressionGrammar();

/** The CST root type produced by `exprParser.expression()`. */
export type ExpressionCst = CstNode;

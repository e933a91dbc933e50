// Lint rule turnout/no-ui-text-concat: user-visible UI text is one i18n string
// with {{interpolation}}, never pieces glued together in code. Word order differs
// between Korean, English and (later) Chinese and Japanese, so `n + ' people'`,
// `${name} (${role})` or `<p>{n} people</p>` cannot be translated; i18next
// t('key', { n }) can.
//
// What counts as user-visible: JSX children, and the attributes a person sees or
// hears (VISIBLE_ATTRIBUTES). Expressions reach the output through ?:, && / || /
// ?? and TS casts; a call's arguments do not (t(`reason.${code}`) builds a key,
// not text). className, style, data-testid, key, href and every other attribute
// are not text, so composing them is fine.
//
// JSX text is flagged only when it holds letters (`<p>{n} people</p>`): a bare
// separator between whole translated strings (`{ko(k)} · {en(k)}`, how the kiosk
// sets its two languages side by side) is layout, not a sentence. Text built in a
// variable first and rendered later is out of this rule's sight.

/** Attributes whose value is read or heard: HTML/ARIA ones and the UI's own text props. */
export const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

const isString = (node) => (node.type === 'Literal' && typeof node.value === 'string') || node.type === 'TemplateLiteral';

/** A `+` chain with a string piece: text glued together. */
function isStringConcat(node) {
  if (node.type !== 'BinaryExpression' || node.operator !== '+') return false;
  const stringy = (n) => isString(n) || isStringConcat(n);
  return stringy(node.left) || stringy(node.right);
}

/** The expressions whose value becomes the rendered text. */
function* outputs(node) {
  switch (node.type) {
    case 'ConditionalExpression':
      yield* outputs(node.consequent);
      yield* outputs(node.alternate);
      return;
    case 'LogicalExpression':
      yield* outputs(node.left);
      yield* outputs(node.right);
      return;
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
      yield* outputs(node.expression);
      return;
    default:
      yield node;
  }
}

const HAS_LETTER = /\p{L}/u;

/** @type {import('eslint').Rule.RuleModule} */
export const noUiTextConcat = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text is one i18n string with {{interpolation}}, not pieces joined in code.' },
    schema: [],
    messages: {
      template: 'User-visible text built with a template literal: use one i18n key with {{interpolation}} (word order differs by language).',
      plus: 'User-visible text built with + and a string: use one i18n key with {{interpolation}} (word order differs by language).',
      jsxText: 'Words next to an expression make a sentence in pieces: put the whole sentence in one i18n key with {{interpolation}}.',
    },
  },
  create(context) {
    function check(expression) {
      for (const node of outputs(expression)) {
        if (node.type === 'TemplateLiteral' && node.expressions.length > 0) context.report({ node, messageId: 'template' });
        else if (isStringConcat(node)) context.report({ node, messageId: 'plus' });
      }
    }
    const isChild = (node) => node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment';
    return {
      JSXExpressionContainer(node) {
        if (isChild(node) && node.expression.type !== 'JSXEmptyExpression') check(node.expression);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (name && VISIBLE_ATTRIBUTES.has(name) && node.value?.type === 'JSXExpressionContainer') check(node.value.expression);
      },
      JSXText(node) {
        if (!isChild(node) || !HAS_LETTER.test(node.value)) return;
        const glued = node.parent.children.some((c) => c.type === 'JSXExpressionContainer' && c.expression.type !== 'JSXEmptyExpression');
        if (glued) context.report({ node, messageId: 'jsxText' });
      },
    };
  },
};

export default { rules: { 'no-ui-text-concat': noUiTextConcat } };

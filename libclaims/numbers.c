/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * numbers.c: numerals in German and English news text.
 *
 * Turns the text of one numeral into a double: digits in German or English
 * notation ("1.500", "1,500", "1 500", "1.234.567,89", "1.75"), digits with
 * a magnitude word or suffix ("2,5 Mio.", "4,7 Mrd.", "1.2 million",
 * "4.7bn", "20k") and number words ("Zweitausendfünfhundert",
 * "dreiundzwanzig", "eineinhalb", "eight hundred and forty", "half a
 * million", "zwei Dutzend"). It also provides the PCRE2 fragments the
 * extractor embeds to find such numerals. See doc/numbers-and-dates.md.
 *
 * The parser works in three steps: the text is normalized (NFC, case
 * folded, so "ß" becomes "ss"), cut into tokens (a run of digits with its
 * separators, a word, an attached suffix), and the tokens are evaluated by
 * a small grammar (number, multiplier, "and"). Inputs longer than
 * NUMBER_MAX_INPUT bytes are refused up front, so no input can make the
 * parser slow or overflow anything.
 */

#include <math.h>
#include <string.h>

#include "numbers-private.h"

/* No numeral in news text is longer than this ("zweihundertsiebenundachtzig
 * Millionen dreihundertvierundfünfzigtausend..." would still fit). */
#define NUMBER_MAX_INPUT 256
#define NUMBER_MAX_TOKENS 32
/* Digits before the decimal mark: 16 digits already exceed
 * CLAIMS_NUMBER_MAX, more are refused without being converted. */
#define NUMBER_MAX_INT_DIGITS 16
#define NUMBER_MAX_FRAC_DIGITS 12

typedef enum {
  LANG_DE,
  LANG_EN,
} Lang;

static Lang
lang_from_string (const char *lang)
{
  return claims_number_english (lang) ? LANG_EN : LANG_DE;
}

typedef enum {
  TOK_NUM,      /* a number: digits or number word(s) */
  TOK_MUL,      /* hundred, thousand, million, dozen, ... */
  TOK_AND,      /* English "and" inside a numeral */
  TOK_ARTICLE,  /* a / an / ein / eine: 1, only before a multiplier */
  TOK_HALF,     /* half / halbe: only in "half a", "eine halbe" */
} TokType;

typedef struct {
  TokType type;
  double  value;      /* TOK_NUM: the value; TOK_MUL: the multiplier */
  guint   digits : 1; /* TOK_NUM written in digits */
  guint   word   : 1; /* TOK_NUM written as a word */
} Token;

typedef struct {
  Token tok[NUMBER_MAX_TOKENS];
  guint n;
} TokenList;

static gboolean
push (TokenList *list,
      TokType    type,
      double     value,
      gboolean   digits)
{
  if (list->n >= NUMBER_MAX_TOKENS)
    return FALSE;
  list->tok[list->n].type = type;
  list->tok[list->n].value = value;
  list->tok[list->n].digits = digits ? 1 : 0;
  list->tok[list->n].word = (type == TOK_NUM && !digits) ? 1 : 0;
  list->n++;
  return TRUE;
}

/* White space inside a numeral: ASCII blanks, NO-BREAK SPACE, NARROW
 * NO-BREAK SPACE, THIN SPACE, FIGURE SPACE and the rest of Zs. */
static inline gboolean
is_blank (gunichar c)
{
  /* in ASCII, g_unichar_isspace() takes these */
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  return c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x2007
         || g_unichar_isspace (c);
}

/* g_utf8_get_char() and g_unichar_isalpha(), at once for ASCII. */
static inline gunichar
char_at (const char *s)
{
  return (guchar) *s < 0x80 ? (gunichar) (guchar) *s : g_utf8_get_char (s);
}

static inline gboolean
is_alpha (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

/* ---------------------------------------------------------------------- */
/* Word tables. Words are compared after NFC + case folding. */

typedef struct {
  const char *word;
  double      value;
} WordValue;

static const WordValue de_small[] = {
  { "ein", 1 }, { "eins", 1 }, { "zwei", 2 }, { "drei", 3 }, { "vier", 4 },
  { "fünf", 5 }, { "sechs", 6 }, { "sieben", 7 }, { "acht", 8 },
  { "neun", 9 }, { "zehn", 10 }, { "elf", 11 }, { "zwölf", 12 },
  { "dreizehn", 13 }, { "vierzehn", 14 }, { "fünfzehn", 15 },
  { "sechzehn", 16 }, { "siebzehn", 17 }, { "achtzehn", 18 },
  { "neunzehn", 19 },
  { "zwanzig", 20 }, { "dreissig", 30 }, { "vierzig", 40 },
  { "fünfzig", 50 }, { "sechzig", 60 }, { "siebzig", 70 },
  { "achtzig", 80 }, { "neunzig", 90 },
};

static const WordValue de_units[] = {
  { "ein", 1 }, { "zwei", 2 }, { "drei", 3 }, { "vier", 4 }, { "fünf", 5 },
  { "sechs", 6 }, { "sieben", 7 }, { "acht", 8 }, { "neun", 9 },
};

static const WordValue de_mul[] = {
  { "hundert", 100 }, { "tausend", 1e3 }, { "tsd", 1e3 },
  { "million", 1e6 }, { "millionen", 1e6 }, { "mio", 1e6 },
  { "milliarde", 1e9 }, { "milliarden", 1e9 }, { "mrd", 1e9 },
  { "billion", 1e12 }, { "billionen", 1e12 },
  { "dutzend", 12 },
};

static const WordValue en_small[] = {
  { "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
  { "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 },
  { "nine", 9 }, { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 },
  { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
  { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 },
  { "nineteen", 19 },
  { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
  { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
};

static const WordValue en_mul[] = {
  { "hundred", 100 }, { "thousand", 1e3 }, { "million", 1e6 },
  { "billion", 1e9 }, { "trillion", 1e12 }, { "dozen", 12 },
  { "bn", 1e9 }, { "mn", 1e6 },
};

/* Suffixes written right after the digits: "20k", "3.8m", "4.7bn". */
static const WordValue de_suffix[] = {
  { "k", 1e3 }, { "tsd", 1e3 }, { "mio", 1e6 }, { "mrd", 1e9 },
};

static const WordValue en_suffix[] = {
  { "k", 1e3 }, { "m", 1e6 }, { "mn", 1e6 }, { "bn", 1e9 }, { "tn", 1e12 },
};

/* Abbreviations that may carry a full stop: "Mio.", "Mrd.", "Tsd.". */
static const char *const abbreviations[] = { "mio", "mrd", "tsd", "bn", "mn" };

static gboolean
lookup (const WordValue *table,
        gsize            n_table,
        const char      *word,
        gsize            len,
        double          *out)
{
  /* the words hold no NUL: equal to @len bytes and ending there */
  for (gsize i = 0; i < n_table; i++)
    if (len > 0 && table[i].word[0] == word[0]
        && strncmp (table[i].word, word, len) == 0
        && table[i].word[len] == '\0')
      {
        *out = table[i].value;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_abbreviation (const char *word,
                 gsize       len)
{
  for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (len > 0 && abbreviations[i][0] == word[0]
        && strncmp (abbreviations[i], word, len) == 0
        && abbreviations[i][len] == '\0')
      return TRUE;
  return FALSE;
}

/* Finds @needle in @s[0..len); returns the offset or -1. */
static gssize
find (const char *s,
      gsize       len,
      const char *needle)
{
  const char *p = g_strstr_len (s, (gssize) len, needle);
  return p != NULL ? p - s : -1;
}

/* German: 1..99 ("ein" allowed: it only occurs inside compounds here). */
static gboolean
de_below_100 (const char *s,
              gsize       len,
              double     *out)
{
  double unit, tens;
  gssize p;

  if (len == 0)
    return FALSE;
  if (lookup (de_small, G_N_ELEMENTS (de_small), s, len, out))
    return TRUE;
  p = find (s, len, "und");
  if (p <= 0)
    return FALSE;
  if (!lookup (de_units, G_N_ELEMENTS (de_units), s, (gsize) p, &unit))
    return FALSE;
  if (!lookup (de_small, G_N_ELEMENTS (de_small), s + p + 3,
               len - (gsize) p - 3, &tens)
      || tens < 20)
    return FALSE;
  *out = tens + unit;
  return TRUE;
}

/* German: 1..999. */
static gboolean
de_below_1000 (const char *s,
               gsize       len,
               double     *out)
{
  gssize p = find (s, len, "hundert");
  double left = 1, right = 0;

  if (p < 0)
    return de_below_100 (s, len, out);
  if (p > 0 && !lookup (de_units, G_N_ELEMENTS (de_units), s, (gsize) p, &left))
    return FALSE;
  if ((gsize) p + 7 < len
      && !de_below_100 (s + p + 7, len - (gsize) p - 7, &right))
    return FALSE;
  *out = left * 100 + right;
  return TRUE;
}

/* German: 1..999999 as one compound word. */
static gboolean
de_integer (const char *s,
            gsize       len,
            double     *out)
{
  gssize p = find (s, len, "tausend");
  double left = 1, right = 0;

  if (p < 0)
    return de_below_1000 (s, len, out);
  if (p > 0 && !de_below_1000 (s, (gsize) p, &left))
    return FALSE;
  if ((gsize) p + 7 < len
      && !de_below_1000 (s + p + 7, len - (gsize) p - 7, &right))
    return FALSE;
  *out = left * 1000 + right;
  return TRUE;
}

/* German compound: integers, "anderthalb", "<n>einhalb". Sets @fraction
 * when the value is not an integer. */
static gboolean
de_compound (const char *s,
             gsize       len,
             double     *out)
{
  static const char einhalb[] = "einhalb";
  const gsize elen = sizeof einhalb - 1;

  if (len == 4 && memcmp (s, "null", 4) == 0)
    {
      *out = 0;
      return TRUE;
    }
  if (len == 10 && memcmp (s, "anderthalb", 10) == 0)
    {
      *out = 1.5;
      return TRUE;
    }
  if (len > elen && memcmp (s + len - elen, einhalb, elen) == 0)
    {
      double whole;

      if (!de_integer (s, len - elen, &whole))
        return FALSE;
      *out = whole + 0.5;
      return TRUE;
    }
  /* "ein" alone is an article, not a number */
  if (len == 3 && memcmp (s, "ein", 3) == 0)
    return FALSE;
  return de_integer (s, len, out);
}

/* ---------------------------------------------------------------------- */
/* Digits */

/* Parses a run of digits and separators in s[0..len) (already known to
 * consist only of ASCII digits, '.', ',' and blanks, starting and ending
 * with a digit). */
static gboolean
parse_digits (const char *s,
              gsize       len,
              Lang        lang,
              double     *out)
{
  const char dec = lang == LANG_EN ? '.' : ',';
  char group_sep = 0;     /* the group separator in use (' ' for blanks) */
  /* the number in C notation; a longer one fails the digit limits */
  char num[64];
  gsize n = 0;
  guint64 mant = 0;       /* the digits as an integer, while they fit */
  gsize group_len = 0, n_groups = 0, first_group = 0;
  gsize int_digits = 0, frac_digits = 0;
  gboolean in_frac = FALSE;
  gsize i = 0;
  double value;
  char *end = NULL;

  while (i < len)
    {
      char c = s[i];

      if (g_ascii_isdigit (c))
        {
          if (in_frac)
            frac_digits++;
          else
            {
              int_digits++;
              group_len++;
            }
          if (n + 2 >= sizeof num)
            goto fail;
          num[n++] = c;
          if (int_digits + frac_digits <= 19)
            mant = mant * 10 + (guint64) (c - '0');
          i++;
          continue;
        }

      /* a separator (ASCII or a multi-byte blank) */
      {
        char sep;
        gsize adv = 1;

        if (c == '.' || c == ',')
          sep = c;
        else
          {
            gunichar uc = char_at (s + i);

            if (!is_blank (uc))
              goto fail;
            sep = ' ';
            adv = (gsize) (g_utf8_next_char (s + i) - (s + i));
          }

        if (in_frac)
          goto fail;                   /* nothing may follow the decimals */

        if (sep == dec)
          {
            /* the decimal mark: closes the integer part */
            in_frac = TRUE;
            num[n++] = '.';
          }
        else
          {
            /* a group separator: same one throughout */
            if (group_sep != 0 && group_sep != sep)
              goto fail;
            group_sep = sep;
            if (n_groups == 0)
              first_group = group_len;
            else if (group_len != 3)
              goto fail;
            n_groups++;
            group_len = 0;
          }
        i += adv;
      }

      if (int_digits > NUMBER_MAX_INT_DIGITS
          || frac_digits > NUMBER_MAX_FRAC_DIGITS)
        goto fail;
    }

  if (int_digits > NUMBER_MAX_INT_DIGITS
      || frac_digits > NUMBER_MAX_FRAC_DIGITS)
    goto fail;
  if (in_frac && frac_digits == 0)
    goto fail;
  if (n_groups > 0)
    {
      /* "1.500": first group of 1-3 digits, then groups of exactly 3 */
      if (first_group < 1 || first_group > 3 || group_len != 3)
        goto fail;
    }
  else if (int_digits == 0)
    goto fail;

  num[n] = '\0';
  if (int_digits + frac_digits <= 15)
    {
      /* Both the digits and the power of ten are exact doubles, and one
       * division rounds correctly: the very value strtod() gives. */
      value = (double) mant / claims_number_pow10 (frac_digits);
    }
  else
    {
      value = g_ascii_strtod (num, &end);
      if (end == NULL || *end != '\0' || !isfinite (value))
        goto fail;
    }
  *out = value;
  return TRUE;

fail:
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Tokenizer */

static gboolean
classify_word (const char *w,
               gsize       len,
               Lang        lang,
               TokenList  *list)
{
  double v;

  if (lang == LANG_DE)
    {
      if ((len == 3 && memcmp (w, "ein", 3) == 0)
          || (len == 4 && memcmp (w, "eine", 4) == 0)
          || (len == 5 && (memcmp (w, "einer", 5) == 0
                           || memcmp (w, "einen", 5) == 0
                           || memcmp (w, "einem", 5) == 0
                           || memcmp (w, "eines", 5) == 0)))
        return push (list, TOK_ARTICLE, 1, FALSE);
      if ((len == 5 && memcmp (w, "halbe", 5) == 0)
          || (len == 6 && memcmp (w, "halben", 6) == 0))
        return push (list, TOK_HALF, 0.5, FALSE);
      /* "hundert"/"tausend" after a number are multipliers ("zwanzig
       * Tausend", "20 Tausend"); at the start they are numbers. */
      if (list->n > 0 && list->tok[list->n - 1].type == TOK_NUM
          && lookup (de_mul, G_N_ELEMENTS (de_mul), w, len, &v))
        return push (list, TOK_MUL, v, FALSE);
      if (lookup (de_mul, G_N_ELEMENTS (de_mul), w, len, &v) && v > 1000)
        return push (list, TOK_MUL, v, FALSE);
      if (len == 7 && memcmp (w, "dutzend", 7) == 0)
        return push (list, TOK_MUL, 12, FALSE);
      if (de_compound (w, len, &v))
        return push (list, TOK_NUM, v, FALSE);
      return FALSE;
    }

  if (len == 3 && memcmp (w, "and", 3) == 0)
    return push (list, TOK_AND, 0, FALSE);
  if ((len == 1 && w[0] == 'a') || (len == 2 && memcmp (w, "an", 2) == 0))
    return push (list, TOK_ARTICLE, 1, FALSE);
  if (len == 4 && memcmp (w, "half", 4) == 0)
    return push (list, TOK_HALF, 0.5, FALSE);
  if (lookup (en_small, G_N_ELEMENTS (en_small), w, len, &v))
    return push (list, TOK_NUM, v, FALSE);
  if (lookup (en_mul, G_N_ELEMENTS (en_mul), w, len, &v))
    return push (list, TOK_MUL, v, FALSE);
  return FALSE;
}

static gboolean
tokenize (const char *s,
          gsize       len,
          Lang        lang,
          TokenList  *list)
{
  gsize i = 0;

  while (i < len)
    {
      gunichar c = char_at (s + i);

      if (is_blank (c) || c == '-' || c == 0x2010 || c == 0x2011)
        {
          /* a hyphen joins words ("twenty-five"), never digits */
          if (c != '-' && c != 0x2010 && c != 0x2011)
            ;
          else if (list->n == 0 || list->tok[list->n - 1].digits)
            return FALSE;
          i = (gsize) (g_utf8_next_char (s + i) - s);
          if ((c == '-' || c == 0x2010 || c == 0x2011)
              && (i >= len || !is_alpha (char_at (s + i))))
            return FALSE;
          continue;
        }

      if (g_ascii_isdigit (s[i]))
        {
          gsize j = i, last_digit;
          double v;

          if (list->n > 0)
            return FALSE;              /* digits only at the start */
          /* the run: digits, and separators followed by a digit */
          last_digit = j;
          while (j < len)
            {
              if (g_ascii_isdigit (s[j]))
                {
                  last_digit = j;
                  j++;
                  continue;
                }
              if (s[j] == '.' || s[j] == ',')
                {
                  if (j + 1 < len && g_ascii_isdigit (s[j + 1]))
                    {
                      j++;
                      continue;
                    }
                  break;
                }
              {
                gunichar uc = char_at (s + j);
                const char *next = g_utf8_next_char (s + j);

                if (uc != '\n' && is_blank (uc) && next < s + len
                    && g_ascii_isdigit (*next))
                  {
                    j = (gsize) (next - s);
                    continue;
                  }
              }
              break;
            }
          if (!parse_digits (s + i, last_digit + 1 - i, lang, &v))
            return FALSE;
          if (!push (list, TOK_NUM, v, TRUE))
            return FALSE;
          i = last_digit + 1;

          /* an attached suffix: "20k", "4.7bn", "2,5Mio." */
          if (i < len && is_alpha (char_at (s + i)))
            {
              gsize k = i;
              double m;

              while (k < len && g_ascii_isalpha (s[k]))
                k++;
              if (lang == LANG_EN
                  ? !lookup (en_suffix, G_N_ELEMENTS (en_suffix), s + i, k - i, &m)
                  : !lookup (de_suffix, G_N_ELEMENTS (de_suffix), s + i, k - i, &m))
                return FALSE;
              if (k < len && s[k] == '.' && is_abbreviation (s + i, k - i))
                k++;
              if (!push (list, TOK_MUL, m, FALSE))
                return FALSE;
              i = k;
            }
          continue;
        }

      if (is_alpha (c))
        {
          gsize j = i;

          while (j < len)
            {
              gunichar uc = char_at (s + j);

              if (!is_alpha (uc))
                break;
              j = (gsize) (g_utf8_next_char (s + j) - s);
            }
          if (!classify_word (s + i, j - i, lang, list))
            return FALSE;
          if (j < len && s[j] == '.' && is_abbreviation (s + i, j - i))
            j++;
          i = j;
          continue;
        }

      return FALSE;
    }
  return list->n > 0;
}

/* ---------------------------------------------------------------------- */
/* Evaluation */

typedef enum {
  PREV_START,
  PREV_NUM,
  PREV_HUNDRED,
  PREV_BIG,
  PREV_DOZEN,
  PREV_AND,
} Prev;

static gboolean
evaluate (TokenList *list,
          Lang       lang,
          double    *out)
{
  double total = 0, group = 0, last_big = INFINITY, prev_value = 0;
  gboolean seen_num = FALSE, pending_article = FALSE, fraction = FALSE;
  gboolean prev_digits = FALSE;
  Prev prev = PREV_START;
  guint i;

  /* "half a" / "eine halbe" -> one number 0.5 */
  for (i = 0; i + 1 < list->n; i++)
    {
      Token *a = &list->tok[i], *b = &list->tok[i + 1];

      if ((a->type == TOK_HALF && b->type == TOK_ARTICLE)
          || (a->type == TOK_ARTICLE && b->type == TOK_HALF))
        {
          a->type = TOK_ARTICLE;       /* needs a multiplier, like "a" */
          a->value = 0.5;
          memmove (b, b + 1, (list->n - i - 2) * sizeof (Token));
          list->n--;
        }
    }

  for (i = 0; i < list->n; i++)
    {
      const Token *t = &list->tok[i];

      switch (t->type)
        {
        case TOK_HALF:
          return FALSE;

        case TOK_ARTICLE:
        case TOK_NUM:
          if (t->digits && prev != PREV_START)
            return FALSE;
          if (fraction)
            return FALSE;              /* "1,5 zwei" */
          switch (prev)
            {
            case PREV_START:
              break;
            case PREV_NUM:
              /* English "twenty five" / "twenty-five" */
              if (lang != LANG_EN || t->type != TOK_NUM || prev_digits
                  || !(prev_value >= 20 && prev_value < 100
                       && fmod (prev_value, 10) == 0)
                  || !(t->value >= 1 && t->value < 10))
                return FALSE;
              break;
            case PREV_HUNDRED:
            case PREV_AND:
              if (t->type != TOK_NUM || t->value >= 100 || t->value < 1)
                return FALSE;
              break;
            case PREV_BIG:
              if (t->value >= last_big)
                return FALSE;
              break;
            case PREV_DOZEN:
            default:
              return FALSE;
            }
          if (prev == PREV_AND && lang != LANG_EN)
            return FALSE;
          group += t->value;
          pending_article = t->type == TOK_ARTICLE;
          fraction = t->value != floor (t->value);
          seen_num = TRUE;
          prev_value = t->value;
          prev_digits = t->digits;
          prev = PREV_NUM;
          break;

        case TOK_MUL:
          if (t->value == 100)
            {
              if (prev != PREV_NUM || fraction || group < 1 || group >= 100)
                return FALSE;
              group *= 100;
              prev = PREV_HUNDRED;
            }
          else if (t->value == 12)
            {
              if (prev != PREV_NUM || fraction || group < 1)
                return FALSE;
              group *= 12;
              prev = PREV_DOZEN;
            }
          else
            {
              if (prev != PREV_NUM && prev != PREV_HUNDRED)
                return FALSE;
              if (t->value >= last_big || group <= 0)
                return FALSE;
              /* "tausend tausend", "zweitausend Millionen" */
              if (!prev_digits && group >= 1000)
                return FALSE;
              total += group * t->value;
              group = 0;
              last_big = t->value;
              prev = PREV_BIG;
            }
          pending_article = FALSE;
          fraction = FALSE;
          break;

        case TOK_AND:
          if (prev != PREV_HUNDRED && prev != PREV_BIG)
            return FALSE;
          prev = PREV_AND;
          break;

        default:
          return FALSE;
        }
    }

  if (!seen_num || pending_article || prev == PREV_AND)
    return FALSE;

  total += group;
  if (!isfinite (total) || total < 0 || total > CLAIMS_NUMBER_MAX)
    return FALSE;
  *out = total;
  return TRUE;
}

static inline gboolean
is_ascii (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80 || text[i] == '\0')
      return FALSE;
  return TRUE;
}

/* Normalizes @text[0..len) (UTF-8 check, NFC, case folding) and trims
 * blanks. Plain ASCII goes to @buf, anything else to a new string in
 * *@heap (free it). Returns NULL for invalid or overlong input. */
static char *
normalize (const char *text,
           gsize       len,
           char        buf[NUMBER_MAX_INPUT + 1],
           char      **heap,
           gsize      *out_len)
{
  g_autofree char *nfc = NULL;
  char *folded, *start, *end;

  *heap = NULL;
  if (text == NULL)
    return NULL;
  if (len == (gsize) -1)
    len = strnlen (text, NUMBER_MAX_INPUT + 1);
  if (len == 0 || len > NUMBER_MAX_INPUT)
    return NULL;
  if (is_ascii (text, len))
    {
      /* plain ASCII (most numerals): NFC changes nothing, folding is
       * lower-casing */
      for (gsize i = 0; i < len; i++)
        buf[i] = text[i] >= 'A' && text[i] <= 'Z' ? text[i] + ('a' - 'A')
                                                  : text[i];
      buf[len] = '\0';
      folded = buf;
    }
  else
    {
      if (!g_utf8_validate_len (text, len, NULL))
        return NULL;
      nfc = g_utf8_normalize (text, (gssize) len, G_NORMALIZE_NFC);
      if (nfc == NULL)
        return NULL;
      folded = *heap = g_utf8_casefold (nfc, -1);
    }

  start = folded;
  while (*start != '\0' && is_blank (char_at (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!is_blank (char_at (prev)))
        break;
      end = prev;
    }
  *end = '\0';
  if (start != folded)
    memmove (folded, start, (gsize) (end - start) + 1);
  *out_len = (gsize) (end - start);
  if (*out_len == 0)
    {
      g_clear_pointer (heap, g_free);
      return NULL;
    }
  return folded;
}

/* Digits with single separators between them ("1.500", "2,5", "1 500",
 * "12"): what the tokenizer takes for one number and nothing else. */
static gboolean
plain_digits (const char *s,
              gsize       len)
{
  if (len == 0 || !g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[len - 1]))
    return FALSE;
  /* a separator is never last, so s[i + 1] is in the numeral */
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isdigit (s[i])
        && !((s[i] == '.' || s[i] == ',' || s[i] == ' ')
             && g_ascii_isdigit (s[i + 1])))
      return FALSE;
  return TRUE;
}

/* A magnitude word above a hundred other than a dozen, of de_mul[] or
 * en_mul[] (which evaluate() multiplies a number in digits by): the word
 * padded with NULs to sixteen bytes, its value, and whether a full stop
 * may follow it (is_abbreviation()). Made from those tables once, so that
 * parse_fast_times() compares a word sixteen bytes at a time; the test
 * /numbers/fast/times holds it to the general path. */
typedef struct
{
  char word[16];
  double value;
  gboolean abbrev;
} BigWord;

static BigWord de_big[G_N_ELEMENTS (de_mul)];
static BigWord en_big[G_N_ELEMENTS (en_mul)];
static gsize n_de_big, n_en_big;

/* Fills @big from @table's words above a hundred (not a dozen); returns
 * how many. */
static gsize
big_words_fill (BigWord         *big,
                const WordValue *table,
                gsize            n_table)
{
  gsize k = 0;

  for (gsize i = 0; i < n_table; i++)
    {
      gsize len = strlen (table[i].word);

      if (table[i].value <= 100 || table[i].value == 12)
        continue;
      g_assert (len <= sizeof big[k].word);
      memset (big[k].word, 0, sizeof big[k].word);
      memcpy (big[k].word, table[i].word, len);
      big[k].value = table[i].value;
      big[k].abbrev = is_abbreviation (table[i].word, len);
      k++;
    }
  return k;
}

static inline void
big_words_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      n_de_big = big_words_fill (de_big, de_mul, G_N_ELEMENTS (de_mul));
      n_en_big = big_words_fill (en_big, en_mul, G_N_ELEMENTS (en_mul));
      g_once_init_leave (&done, 1);
    }
}

/* The rest of parse_fast() after claims_number_plain() gave @v, ending
 * at @end short of @len: plain digits, spaces and a magnitude word above a
 * hundred ("2,5 Millionen", "4 Mio.", "1.2 million"), all ASCII. */
static gboolean
parse_fast_times (const char *text,
                  gsize       len,
                  gsize       end,
                  double      v,
                  Lang        l,
                  double     *out)
{
  const BigWord *table;
  gsize n_table;
  guint64 low[2] = { 0, 0 };
  char *lw = (char *) low;
  const BigWord *big = NULL;
  gsize w, n;

  /* tokenize(): the digits end at a space (a space and a digit would go
   * on), the spaces are skipped, and a word after a number that is a
   * multiplier is one; a full stop after it only after an abbreviation.
   * evaluate(): a number in digits, then a multiplier above a hundred
   * (not a dozen): its product, when the number is above zero. The word,
   * lower-cased, is compared with the table's sixteen bytes at a time:
   * one of more letters is none of them. */
  if (text[end] != ' ')
    return FALSE;
  big_words_init ();
  table = l == LANG_EN ? en_big : de_big;
  n_table = l == LANG_EN ? n_en_big : n_de_big;
  while (end < len && text[end] == ' ')
    end++;
  for (w = end; w < len && g_ascii_isalpha (text[w]); w++)
    {
      if (w - end >= sizeof low)
        return FALSE;
      lw[w - end] = (char) (text[w] | 0x20);
    }
  n = w - end;
  if (n == 0)
    return FALSE;
  for (gsize i = 0; i < n_table; i++)
    {
      guint64 t[2];

      memcpy (t, table[i].word, sizeof t);
      if (t[0] == low[0] && t[1] == low[1])
        {
          big = &table[i];
          break;
        }
    }
  if (big == NULL)
    return FALSE;
  if (w < len && text[w] == '.' && big->abbrev)
    w++;
  if (w != len || v <= 0 || v * big->value > CLAIMS_NUMBER_MAX)
    return FALSE;
  *out = v * big->value;
  return TRUE;
}

/* claims_number_parse() of the most common numerals, decided without
 * normalizing and tokenizing: plain digits ("1.500", "2,5"), and plain
 * digits, spaces and a magnitude word above a hundred ("2,5 Millionen",
 * "4 Mio.", "1.2 million"), all ASCII. Returns FALSE where it does not
 * decide; the test /numbers/fast holds it to the general path. */
static gboolean
parse_fast (const char *text,
            gsize       len,
            Lang        l,
            double     *out)
{
  gsize end = len;
  double v;

  if (!claims_number_plain (text, &end, l == LANG_EN, &v))
    return FALSE;
  if (end == len)
    {
      /* plain_digits () holds: parse_digits () gives @v */
      if (v > CLAIMS_NUMBER_MAX)
        return FALSE;
      *out = v;
      return TRUE;
    }
  return parse_fast_times (text, len, end, v, l, out);
}

gboolean
claims_number_parse_times (const char *text,
                           gsize       len,
                           gsize       end,
                           double      v,
                           gboolean    english,
                           double     *out)
{
  if (len > NUMBER_MAX_INPUT || end >= len)
    return FALSE;
  return parse_fast_times (text, len, end, v, english ? LANG_EN : LANG_DE,
                           out);
}

/* claims_number_parse() without parse_fast(): the general path, for the
 * tests. */
gboolean
claims_number_parse_general (const char *text,
                             gsize       len,
                             const char *lang,
                             double     *out)
{
  char buf[NUMBER_MAX_INPUT + 1];
  g_autofree char *heap = NULL;
  const char *norm;
  gsize nlen = 0;
  TokenList list;
  Lang l = lang_from_string (lang);
  double value;

  g_return_val_if_fail (out != NULL, FALSE);

  /* most numerals are digits alone: one number token, evaluated as
   * itself (normalizing changes nothing in them) */
  if (text != NULL && len != (gsize) -1 && len <= NUMBER_MAX_INPUT
      && plain_digits (text, len))
    {
      if (!parse_digits (text, len, l, &value)
          || !isfinite (value) || value < 0 || value > CLAIMS_NUMBER_MAX)
        return FALSE;
      *out = value;
      return TRUE;
    }

  norm = normalize (text, len, buf, &heap, &nlen);
  if (norm == NULL)
    return FALSE;
  list.n = 0;
  if (!tokenize (norm, nlen, l, &list))
    return FALSE;
  if (!evaluate (&list, l, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
claims_number_parse (const char *text,
                     gsize       len,
                     const char *lang,
                     double     *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text != NULL && len != (gsize) -1 && len <= NUMBER_MAX_INPUT
      && parse_fast (text, len, lang_from_string (lang), out))
    return TRUE;
  return claims_number_parse_general (text, len, lang, out);
}

gboolean
claims_number_word_value (const char *word,
                          gsize       len,
                          const char *lang,
                          double     *out)
{
  char buf[NUMBER_MAX_INPUT + 1];
  g_autofree char *heap = NULL;
  char *norm;
  gsize nlen = 0;
  Lang l = lang_from_string (lang);
  double v;

  g_return_val_if_fail (out != NULL, FALSE);

  norm = normalize (word, len, buf, &heap, &nlen);
  if (norm == NULL)
    return FALSE;
  if (nlen > 0 && norm[nlen - 1] == '.' && is_abbreviation (norm, nlen - 1))
    norm[--nlen] = '\0';

  if (l == LANG_DE)
    {
      if (lookup (de_mul, G_N_ELEMENTS (de_mul), norm, nlen, &v)
          || de_compound (norm, nlen, &v))
        goto found;
    }
  else
    {
      if (lookup (en_small, G_N_ELEMENTS (en_small), norm, nlen, &v)
          || lookup (en_mul, G_N_ELEMENTS (en_mul), norm, nlen, &v))
        goto found;
      /* a hyphenated compound: "twenty-five" */
      if (strchr (norm, '-') != NULL && strchr (norm, ' ') == NULL)
        return claims_number_parse (norm, nlen, "en", out);
    }
  return FALSE;

found:
  *out = v;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Vague magnitudes */

typedef struct {
  const char *words;
  double      low, high;
} Vague;

static const Vague de_vague[] = {
  { "dutzende", 24, 99 }, { "dutzenden", 24, 99 },
  { "mehrere dutzend", 24, 99 }, { "einige dutzend", 24, 99 },
  { "hunderte", 200, 999 }, { "hunderten", 200, 999 },
  { "mehrere hundert", 200, 999 }, { "einige hundert", 200, 999 },
  { "tausende", 2000, 9999 }, { "tausenden", 2000, 9999 },
  { "mehrere tausend", 2000, 9999 }, { "einige tausend", 2000, 9999 },
  { "zehntausende", 20000, 99999 }, { "zehntausenden", 20000, 99999 },
  { "hunderttausende", 200000, 999999 },
  { "hunderttausenden", 200000, 999999 },
  { "millionen", 2e6, 9999999 },
};

static const Vague en_vague[] = {
  { "dozens", 24, 99 }, { "several dozen", 24, 99 },
  { "hundreds", 200, 999 }, { "several hundred", 200, 999 },
  { "a few hundred", 200, 999 },
  { "thousands", 2000, 9999 }, { "several thousand", 2000, 9999 },
  { "a few thousand", 2000, 9999 },
  { "tens of thousands", 20000, 99999 },
  { "hundreds of thousands", 200000, 999999 },
  { "millions", 2e6, 9999999 },
};

gboolean
claims_number_parse_vague (const char *text,
                           gsize       len,
                           const char *lang,
                           double     *low,
                           double     *high)
{
  char buf[NUMBER_MAX_INPUT + 1];
  g_autofree char *heap = NULL;
  const char *norm;
  char small[NUMBER_MAX_INPUT + 1];
  g_autofree char *big = NULL;
  char *words;
  gsize n = 0;
  gsize nlen = 0;
  const Vague *table;
  gsize n_table;
  gboolean blank = FALSE;

  g_return_val_if_fail (low != NULL && high != NULL, FALSE);

  norm = normalize (text, len, buf, &heap, &nlen);
  if (norm == NULL)
    return FALSE;

  /* collapse every run of blanks to one space (never longer than @norm:
   * a character is copied as it is, a run of blanks becomes one byte) */
  words = nlen < sizeof small ? small : (big = g_malloc (nlen + 1));
  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = char_at (p);

      if (is_blank (c))
        blank = TRUE;
      else
        {
          if (blank)
            words[n++] = ' ';
          blank = FALSE;
          n += (gsize) g_unichar_to_utf8 (c, words + n);
        }
    }
  words[n] = '\0';

  if (lang_from_string (lang) == LANG_EN)
    {
      table = en_vague;
      n_table = G_N_ELEMENTS (en_vague);
    }
  else
    {
      table = de_vague;
      n_table = G_N_ELEMENTS (de_vague);
    }
  for (gsize i = 0; i < n_table; i++)
    if (strcmp (table[i].words, words) == 0)
      {
        *low = table[i].low;
        *high = table[i].high;
        return TRUE;
      }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Patterns */

/* Not inside a word or a number: no letter or digit before, no "1." or
 * "14:" before, and no "F-" before ("F-16", "Su-27" are names). */
#define P_BEFORE \
  "(?<![\\p{L}\\p{N}_])(?<![\\p{N}][.,:])(?<![\\p{L}][-\\x{2010}\\x{2011}])"
#define P_AFTER  "(?![\\p{L}\\p{N}_])"

#define P_DIGITS_DE \
  "(?>\\d{1,3}(?:\\.\\d{3})++(?:,\\d++)?+" \
  "|\\d{1,3}(?:\\h\\d{3})++(?:,\\d++)?+" \
  "|\\d++(?:,\\d++)?+)(?![.,:]\\d)"

#define P_DIGITS_EN \
  "(?>\\d{1,3}(?:,\\d{3})++(?:\\.\\d++)?+" \
  "|\\d{1,3}(?:\\h\\d{3})++(?:\\.\\d++)?+" \
  "|\\d++(?:\\.\\d++)?+)(?![.,:]\\d)"

#define P_MAG_DE \
  "(?:tausend|tsd\\.?+|millionen|million|mio\\.?+|milliarden|milliarde" \
  "|mrd\\.?+|billionen|billion|dutzend|hundert)"

#define P_MORPH_DE \
  "(?:zwanzig|drei(?:ß|ss)ig|vierzig|fünfzig|sechzig|siebzig|achtzig" \
  "|neunzig|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn" \
  "|neunzehn|zehn|elf|zwölf|hundert|tausend|anderthalb|einhalb|und" \
  "|eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|null)"

#define P_UNIT_EN \
  "(?:seventeen|thirteen|fourteen|fifteen|sixteen|eighteen|nineteen" \
  "|seventy|twenty|thirty|forty|fifty|sixty|eighty|ninety|eleven|twelve" \
  "|seven|three|eight|zero|four|five|nine|one|two|six|ten)" P_AFTER

#define P_MAG_EN \
  "(?:hundred|thousand|million|billion|trillion|dozen)" P_AFTER

static const char number_pattern_de[] =
  "(?i:" P_BEFORE
  "(?>"
    /* digits with an optional magnitude: "1.500", "2,5 Mio.", "20k" */
    P_DIGITS_DE
    "(?:k(?![\\p{L}\\p{N}])|\\h*+" P_MAG_DE "(?![\\p{L}\\p{N}]))?+"
  "|"
    /* "eine Million", "ein Dutzend", "eine halbe Million" */
    "(?:eine[rmns]?|ein)(?:\\h++halben?)?\\h++" P_MAG_DE "(?![\\p{L}\\p{N}])"
  "|"
    /* number words: "zwölf", "Zweitausendfünfhundert", "zwei Millionen" */
    "(?!eine?[rmns]?(?![\\p{L}]))(?!und|einhalb)"
    P_MORPH_DE "++(?![\\p{L}\\p{N}])"
    "(?:\\h++" P_MAG_DE "(?![\\p{L}\\p{N}]))?+"
  ")" P_AFTER ")";

static const char number_pattern_en[] =
  "(?i:" P_BEFORE
  "(?>"
    /* digits: "1,500", "1.5 million", "4.7bn", "3.8m", "20k" */
    P_DIGITS_EN
    "(?:(?:bn|mn|tn|m|k)(?![\\p{L}\\p{N}])"
    "|\\h*+(?:thousand|million|billion|trillion|dozen|hundred|bn|mn)"
    "(?![\\p{L}\\p{N}]))?+"
  "|"
    /* words: "a million", "half a million", "twenty-five", "two thousand
     * five hundred", "eight hundred and forty" */
    "(?:(?:an?|one|half\\h++an?)\\h++" P_MAG_EN "|" P_UNIT_EN ")"
    "(?:(?:\\h++|\\h*+-\\h*+)(?:" P_UNIT_EN "|" P_MAG_EN ")"
    "|(?<=hundred|thousand|million|billion)\\h++and\\h++" P_UNIT_EN ")*+"
  ")" P_AFTER ")";

static const char vague_pattern_de[] =
  "(?i:" P_BEFORE
  "(?:hunderttausenden?|zehntausenden?|tausenden?|hunderten?|dutzenden?"
  "|millionen"
  "|(?:mehrere|einige)\\h++(?:dutzend|hundert|tausend))"
  P_AFTER ")";

static const char vague_pattern_en[] =
  "(?i:" P_BEFORE
  "(?:hundreds\\h++of\\h++thousands|tens\\h++of\\h++thousands"
  "|thousands|hundreds|dozens|millions"
  "|(?:several|a\\h++few)\\h++(?:hundred|thousand)|several\\h++dozen)"
  P_AFTER ")";

const char *
claims_number_pattern (const char *lang)
{
  return lang_from_string (lang) == LANG_EN ? number_pattern_en
                                            : number_pattern_de;
}

const char *
claims_number_vague_pattern (const char *lang)
{
  return lang_from_string (lang) == LANG_EN ? vague_pattern_en
                                            : vague_pattern_de;
}

#include "identifier_case.hpp"

#include <cstddef>

namespace peewasm::identifier_case {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) {
  return is_upper(c) || is_lower(c) || is_digit(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

std::size_t skip_underscores(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] == '_') ++at;
  return at;
}

// re.sub(r'(x)_*(word)', r'\1_\2', text): where `first` accepts a character and a word
// (word_end: where it ends, npos for none) follows it after any underscores, exactly one
// underscore comes between them.
template <class First, class WordEnd>
std::string one_underscore_before_words(std::string_view text, First first, WordEnd word_end) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t word = skip_underscores(text, i + 1);
    const std::size_t end = first(text[i]) ? word_end(text, word) : std::string_view::npos;
    out += text[i];
    if (end == std::string_view::npos) {
      ++i;
      continue;
    }
    out += '_';
    out.append(text.substr(word, end - word));
    i = end;
  }
  return out;
}

// '(.)_*([A-Z][a-z]+)': a capitalised word after any character but a newline.
std::string split_capitalised_words(std::string_view text) {
  return one_underscore_before_words(
      text, [](char c) { return c != '\n'; },
      [](std::string_view t, std::size_t at) {
        if (at + 1 >= t.size() || !is_upper(t[at]) || !is_lower(t[at + 1])) return std::string_view::npos;
        std::size_t end = at + 2;
        while (end < t.size() && is_lower(t[end])) ++end;
        return end;
      });
}

// '([a-z0-9])_*([A-Z])': a capital after a lower-case letter or a digit.
std::string split_before_capitals(std::string_view text) {
  return one_underscore_before_words(
      text, [](char c) { return is_lower(c) || is_digit(c); },
      [](std::string_view t, std::size_t at) { return at < t.size() && is_upper(t[at]) ? at + 1 : std::string_view::npos; });
}

}  // namespace

std::string replace_non_word_runs(std::string_view text, std::string_view replacement) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_word(text[i])) {
      out += text[i++];
      continue;
    }
    while (i < text.size() && !is_word(text[i])) ++i;
    out.append(replacement);
  }
  return out;
}

std::string snake_case(std::string_view name) {
  std::string out = split_before_capitals(split_capitalised_words(name));
  for (char& c : out) {
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace peewasm::identifier_case

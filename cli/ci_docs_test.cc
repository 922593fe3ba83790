// Keeps docs/ci.md true: every `pgdrift …` command of its shell and YAML examples that
// reads only files available offline (the example chain, the committed production
// snapshot and its ignore file) is run with the built binary, in a scratch directory
// holding those files under the names the examples use, and must exit with the code its
// `# exit N` comment documents. The ignore file the page shows must be the committed one.
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/subprocess.h"
#include "cli/testing/golden.h"
#include "cli/testing/scratch_dir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pgdrift::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

// The names the examples use for their files → the committed files that stand in for
// them (relative to the source tree). Keep this small: a new example should reuse them.
const std::map<std::string, std::string>& ExampleFiles() {
  static const auto* files = new std::map<std::string, std::string>{
      {"supabase", "testdata/chains/order_workflow_app/supabase"},
      {"prod.json", "testdata/snapshots/order_workflow_app/prod.json"},
      {"prod.pgdriftignore", "testdata/snapshots/order_workflow_app/prod.pgdriftignore"},
  };
  return *files;
}

// The flags whose value names a file the command reads.
bool ReadsFile(std::string_view flag) {
  return flag == "--local" || flag == "--remote" || flag == "--remotes-file" ||
         flag == "--ignore-file";
}

struct DocCommand {
  std::string text;                    // the command, continuation lines joined
  std::vector<std::string> args;       // after the program name, unquoted as a shell would
  std::optional<int> documented_exit;  // from a trailing `# exit N` comment
};

struct FencedBlock {
  std::string info;  // the word after the opening fence ("sh", "yaml", "")
  std::vector<std::string> lines;
};

std::vector<FencedBlock> FencedBlocks(const std::string& markdown) {
  std::vector<FencedBlock> blocks;
  bool inside = false;
  for (const std::string& line : StrSplit(markdown, '\n')) {
    if (line.starts_with("```")) {
      if (inside) {
        inside = false;
      } else {
        inside = true;
        blocks.push_back({std::string(Trim(std::string_view(line).substr(3))), {}});
      }
    } else if (inside) {
      blocks.back().lines.push_back(line);
    }
  }
  return blocks;
}

// Splits `text` into words as a POSIX shell does for simple commands (quotes and
// backslashes; no expansion). Stops at an unquoted `#` that starts a word, and returns
// the comment's text in `comment`.
std::vector<std::string> ShellWords(std::string_view text, std::string* comment) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote == '\'') {
      if (c == '\'') {
        quote = 0;
      } else {
        word += c;
      }
    } else if (quote == '"') {
      // Inside double quotes a backslash escapes only " \ $ and `.
      if (c == '"') {
        quote = 0;
      } else if (c == '\\' && i + 1 < text.size() &&
                 std::string_view("\"\\$`").find(text[i + 1]) != std::string_view::npos) {
        word += text[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '#' && !in_word) {
      *comment = std::string(Trim(text.substr(i + 1)));
      return words;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

size_t Indentation(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  return indent == std::string_view::npos ? line.size() : indent;
}

// A line of a shell script or a YAML step without its YAML decoration: `- run: x`,
// `run: x`, `- x` (a GitLab script item) and `$ x` all give `x`.
std::string_view Undecorated(std::string_view line) {
  line = Trim(line);
  if (line.starts_with("- ")) line = Trim(line.substr(2));
  if (line.starts_with("run:")) line = Trim(line.substr(4));
  if (line.starts_with("$ ")) line = Trim(line.substr(2));
  return line;
}

DocCommand MakeCommand(const std::string& text) {
  DocCommand command;
  command.text = text;
  std::string comment;
  std::vector<std::string> words = ShellWords(text, &comment);
  command.args.assign(words.begin() + 1, words.end());
  std::smatch match;
  if (std::regex_search(comment, match, std::regex(R"(\bexit (\d)\b)"))) {
    command.documented_exit = std::stoi(match[1]);
  }
  return command;
}

// Every `pgdrift …` command of the shell and YAML blocks of `markdown`: backslash
// continuations and YAML folded scalars (`run: >-` and `- >-` followed by more indented
// lines) are joined into one command.
std::vector<DocCommand> PgdriftCommands(const std::string& markdown) {
  std::vector<DocCommand> commands;
  for (const FencedBlock& block : FencedBlocks(markdown)) {
    if (block.info != "sh" && block.info != "shell" && block.info != "bash" &&
        block.info != "yaml" && block.info != "yml") {
      continue;
    }
    const std::vector<std::string>& lines = block.lines;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view line = Undecorated(lines[i]);
      std::string text;
      if (line == ">-" || line == ">") {
        size_t indent = Indentation(lines[i]);
        while (i + 1 < lines.size() && Indentation(lines[i + 1]) > indent &&
               !Trim(lines[i + 1]).empty()) {
          if (!text.empty()) text += ' ';
          text += std::string(Trim(lines[++i]));
        }
      } else {
        text = std::string(line);
        while (text.ends_with("\\") && i + 1 < lines.size()) {
          text.pop_back();
          text += std::string(Trim(lines[++i]));
        }
      }
      if (text.starts_with("pgdrift ")) commands.push_back(MakeCommand(text));
    }
  }
  return commands;
}

// Whether `command` can run with only the example files: no live database, no git
// revision, no environment variable, and every file it reads is one of ExampleFiles().
bool RunsOffline(const DocCommand& command) {
  for (size_t i = 0; i < command.args.size(); ++i) {
    const std::string& arg = command.args[i];
    if (arg.find('$') != std::string::npos || arg.starts_with("git:")) return false;
    if (ReadsFile(arg)) {
      if (i + 1 >= command.args.size()) return false;
      std::string file = command.args[i + 1];
      while (file.ends_with("/")) file.pop_back();
      if (!ExampleFiles().contains(file)) return false;
    }
  }
  return true;
}

TEST(CiDocsExtraction, FindsCommandsInShellAndYamlBlocks) {
  const std::string markdown =
      "```\npgdrift check --local DIR  # a synopsis, not run\n```\n"
      "```sh\npgdrift check --local supabase/ --remote 'prod.json'  # exit 1\n"
      "echo done\npgdrift inspect \"$DB_URL\" \\\n  --format json\n```\n"
      "```yaml\n      - run: pgdrift check --local supabase/ --format github  # exit 0 here\n"
      "        run: >-\n          pgdrift check --local supabase/\n"
      "          --against git:origin/main\n"
      "      - name: x\n    - pgdrift check --local supabase/ --remote \"a b.json\"\n```\n";
  std::vector<DocCommand> commands = PgdriftCommands(markdown);
  std::vector<std::string> texts;
  for (const DocCommand& command : commands) texts.push_back(command.text);
  EXPECT_THAT(texts,
              ElementsAre("pgdrift check --local supabase/ --remote 'prod.json'  # exit 1",
                          "pgdrift inspect \"$DB_URL\" --format json",
                          "pgdrift check --local supabase/ --format github  # exit 0 here",
                          "pgdrift check --local supabase/ --against git:origin/main",
                          "pgdrift check --local supabase/ --remote \"a b.json\""));
  ASSERT_EQ(commands.size(), 5u);
  EXPECT_THAT(commands[0].args,
              ElementsAre("check", "--local", "supabase/", "--remote", "prod.json"));
  EXPECT_EQ(commands[0].documented_exit, 1);
  EXPECT_EQ(commands[1].documented_exit, std::nullopt);
  EXPECT_EQ(commands[2].documented_exit, 0);
  EXPECT_EQ(commands[4].args.back(), "a b.json");
  EXPECT_TRUE(RunsOffline(commands[0]));
  EXPECT_FALSE(RunsOffline(commands[1]));  // an environment variable
  EXPECT_TRUE(RunsOffline(commands[2]));
  EXPECT_FALSE(RunsOffline(commands[3]));  // a git revision
  EXPECT_FALSE(RunsOffline(commands[4]));  // a file that is not an example file
}

std::string ReadSource(const std::string& relative) {
  return testing::ReadFileOrEmpty(fs::path(PGDRIFT_SOURCE_DIR) / relative);
}

TEST(CiDocs, ShowsTheCommittedIgnoreFile) {
  std::string shown;
  for (const FencedBlock& block : FencedBlocks(ReadSource("docs/ci.md"))) {
    if (!block.lines.empty() && block.lines.front().starts_with("# prod.pgdriftignore")) {
      shown = StrJoin(block.lines, "\n") + "\n";
    }
  }
  ASSERT_FALSE(shown.empty()) << "docs/ci.md shows no block starting with # prod.pgdriftignore";
  EXPECT_EQ(shown, ReadSource(ExampleFiles().at("prod.pgdriftignore")));
}

TEST(CiDocs, OfflineExamplesExitWithTheDocumentedCode) {
  ASSERT_TRUE(fs::exists(PGDRIFT_BINARY)) << "build the pgdrift target first: " << PGDRIFT_BINARY;
  testing::ScratchDir scratch("ci-docs");
  for (const auto& [name, committed] : ExampleFiles()) {
    fs::copy(fs::path(PGDRIFT_SOURCE_DIR) / committed, scratch.path() / name,
             fs::copy_options::recursive);
  }
  // `supabase init` writes it into every Supabase project; pgdrift recognises a
  // `supabase/` directory as one by it (parser::DetectProfile).
  scratch.Write("supabase/config.toml", "project_id = \"order_workflow_app\"\n");
  std::vector<DocCommand> commands = PgdriftCommands(ReadSource("docs/ci.md"));
  int run = 0;
  for (const DocCommand& command : commands) {
    if (!RunsOffline(command)) continue;
    SCOPED_TRACE(command.text);
    ASSERT_TRUE(command.documented_exit.has_value())
        << "an example that runs offline must document its exit code with `# exit N`";
    std::vector<std::string> argv = {PGDRIFT_BINARY};
    argv.insert(argv.end(), command.args.begin(), command.args.end());
    absl::StatusOr<ProcessResult> result =
        RunProcess(argv, {.working_directory = scratch.path().string()});
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->exit_code, *command.documented_exit)
        << "stdout:\n" << result->out.substr(0, 4000) << "\nstderr:\n" << result->err;
    for (size_t i = 0; i + 1 < command.args.size(); ++i) {
      if (command.args[i] == "-o" && result->exit_code != 2) {
        EXPECT_GT(fs::file_size(scratch.path() / command.args[i + 1]), 0u) << command.args[i + 1];
      }
    }
    ++run;
  }
  // The snapshot section, the GitHub jobs and the GitLab jobs all have offline examples.
  EXPECT_GE(run, 11);
}

}  // namespace
}  // namespace pgdrift::cli

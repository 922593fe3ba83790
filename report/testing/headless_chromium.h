// Headless Chromium for tests of the HTML report: what a browser actually renders (the
// picture's size, its nodes, the headings, the resources it asks for), found by a probe
// script the test appends to a copy of the report, and screenshots to look at.
#ifndef PGDRIFT_REPORT_TESTING_HEADLESS_CHROMIUM_H_
#define PGDRIFT_REPORT_TESTING_HEADLESS_CHROMIUM_H_

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "base/strings.h"
#include "base/subprocess.h"
#include "nlohmann/json.hpp"

namespace pgdrift::report::testing {

// The Chromium binary (chromium, chromium-browser or google-chrome on PATH), or
// kFailedPrecondition saying how to install it: tests that need it fail without it.
[[nodiscard]] inline absl::StatusOr<std::string> FindChromium();

// Loads the file at `html` and returns the DOM after its load event (--dump-dom).
[[nodiscard]] inline absl::StatusOr<std::string> DumpDom(const std::filesystem::path& html);

// Saves a PNG of the page at `html` as `png`, in a window `width` × `height` pixels.
[[nodiscard]] inline absl::Status Screenshot(const std::filesystem::path& html,
                                      const std::filesystem::path& png, int width = 1280,
                                      int height = 2400);

// The probe script, for tests that read it: it measures the rendered page and writes a
// JSON object into <pre id="probe-result">:
//   title, svg_count, svg_width, svg_height (of the first figure's <svg>), svg_role,
//   graph_nodes (<g class="node"> not in the legend), legend_nodes, sections,
//   hidden_headings (ids of sections whose heading is not visible), resources
//   (performance resource entries), scripts (<script> elements besides the probe),
//   unnamed_images (img/svg elements without an accessible name).
inline std::string ProbeScript();

// Copies `html` into `scratch_dir` (as probe.html) with the probe script inserted before
// </body>, loads it and returns the probe's result.
[[nodiscard]] inline absl::StatusOr<nlohmann::json> ProbeRendering(
    const std::string& html, const std::filesystem::path& scratch_dir);

// Whether the file at `path` starts with the PNG signature; its size in bytes in `size`.
inline bool IsPng(const std::filesystem::path& path, uintmax_t* size);

// Definitions (header-only, so that the command-line tests can use it too).

namespace headless_chromium_internal {

// Flags for running as root in a container without a GPU; a profile of its own in the
// system temp directory keeps parallel runs apart. `timeout` stops a hung browser.
inline std::vector<std::string> BaseCommand(const std::string& chromium,
                                     const std::filesystem::path& profile) {
  return {"timeout",
          "120",
          chromium,
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--hide-scrollbars",
          "--no-first-run",
          "--disable-dev-shm-usage",
          "--disable-extensions",
          "--disable-background-networking",
          StrCat("--user-data-dir=", profile.string())};
}

inline std::filesystem::path ProfileDir() {
  return std::filesystem::temp_directory_path() /
         StrCat("pgdrift-chromium-profile-", std::to_string(getpid()));
}

inline std::string FileUrl(const std::filesystem::path& path) {
  return StrCat("file://", std::filesystem::absolute(path).string());
}

// The text of an element as --dump-dom serialises it: &amp;, &lt;, &gt; and &nbsp; undone.
inline std::string UnescapeText(std::string_view text) {
  std::string out = ReplaceAll(text, "&lt;", "<");
  out = ReplaceAll(out, "&gt;", ">");
  out = ReplaceAll(out, "&nbsp;", " ");
  return ReplaceAll(out, "&amp;", "&");
}

}  // namespace headless_chromium_internal

inline absl::StatusOr<std::string> FindChromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    if (std::optional<std::string> path = FindExecutable(name)) return *path;
  }
  return absl::FailedPreconditionError(
      "chromium is not installed: the HTML report tests render it in headless Chromium; "
      "install it with `apt-get install chromium` (scripts/setup does)");
}

inline absl::StatusOr<std::string> DumpDom(const std::filesystem::path& html) {
  absl::StatusOr<std::string> chromium = FindChromium();
  if (!chromium.ok()) return chromium.status();
  std::vector<std::string> argv = headless_chromium_internal::BaseCommand(*chromium, headless_chromium_internal::ProfileDir());
  argv.push_back("--dump-dom");
  argv.push_back(headless_chromium_internal::FileUrl(html));
  absl::StatusOr<ProcessResult> result = RunProcess(argv);
  std::error_code ignored;
  std::filesystem::remove_all(headless_chromium_internal::ProfileDir(), ignored);
  if (!result.ok()) return result.status();
  if (!result->ok()) {
    return absl::InternalError(
        StrCat("chromium --dump-dom exited with ", result->exit_code, ": ", result->err));
  }
  return result->out;
}

inline absl::Status Screenshot(const std::filesystem::path& html, const std::filesystem::path& png,
                        int width, int height) {
  absl::StatusOr<std::string> chromium = FindChromium();
  if (!chromium.ok()) return chromium.status();
  std::vector<std::string> argv = headless_chromium_internal::BaseCommand(*chromium, headless_chromium_internal::ProfileDir());
  argv.push_back(StrCat("--screenshot=", std::filesystem::absolute(png).string()));
  argv.push_back(StrCat("--window-size=", width, ",", height));
  argv.push_back(headless_chromium_internal::FileUrl(html));
  std::filesystem::remove(png);
  absl::StatusOr<ProcessResult> result = RunProcess(argv);
  std::error_code ignored;
  std::filesystem::remove_all(headless_chromium_internal::ProfileDir(), ignored);
  if (!result.ok()) return result.status();
  if (!result->ok() || !std::filesystem::exists(png)) {
    return absl::InternalError(StrCat("chromium --screenshot exited with ", result->exit_code,
                                      " and wrote no file: ", result->err));
  }
  return absl::OkStatus();
}

inline std::string ProbeScript() {
  return R"js(<script>
(function () {
  var result = {};
  result.title = document.title;
  var svgs = document.querySelectorAll('figure svg');
  result.svg_count = svgs.length;
  var svg = svgs.length > 0 ? svgs[0] : null;
  if (svg) {
    var box = svg.getBoundingClientRect();
    result.svg_width = box.width;
    result.svg_height = box.height;
    result.svg_role = svg.getAttribute('role');
  }
  result.graph_nodes = document.querySelectorAll('figure svg g.node:not(.legend)').length;
  result.legend_nodes = document.querySelectorAll('figure svg g.node.legend').length;
  var sections = document.querySelectorAll('section');
  result.sections = sections.length;
  result.hidden_headings = [];
  sections.forEach(function (section) {
    var heading = section.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4');
    var visible = false;
    if (heading) {
      var rect = heading.getBoundingClientRect();
      var style = getComputedStyle(heading);
      visible = rect.width > 1 && rect.height > 1 && style.visibility === 'visible' &&
                style.display !== 'none' && heading.textContent.trim() !== '';
    }
    if (!visible) result.hidden_headings.push(section.id || '(no id)');
  });
  result.resources = performance.getEntriesByType('resource').length;
  result.scripts = document.querySelectorAll('script').length - 1;
  result.unnamed_images = [];
  document.querySelectorAll('img, svg').forEach(function (element) {
    var outer = element.parentElement ? element.parentElement.closest('svg') : null;
    if (outer) return;
    var name = element.getAttribute('alt') || element.getAttribute('aria-label') || '';
    var ids = element.getAttribute('aria-labelledby');
    if (ids) {
      ids.split(/\s+/).forEach(function (id) {
        var target = document.getElementById(id);
        if (target) name += target.textContent;
      });
    }
    if (name.trim() === '') result.unnamed_images.push(element.tagName.toLowerCase());
  });
  var pre = document.createElement('pre');
  pre.id = 'probe-result';
  pre.textContent = JSON.stringify(result);
  document.body.appendChild(pre);
})();
</script>
)js";
}

inline absl::StatusOr<nlohmann::json> ProbeRendering(const std::string& html,
                                              const std::filesystem::path& scratch_dir) {
  size_t body_end = html.rfind("</body>");
  if (body_end == std::string::npos) return absl::InvalidArgumentError("the HTML has no </body>");
  std::string probed = html.substr(0, body_end) + ProbeScript() + html.substr(body_end);
  std::filesystem::create_directories(scratch_dir);
  std::filesystem::path file = scratch_dir / "probe.html";
  std::ofstream(file, std::ios::binary) << probed;
  absl::StatusOr<std::string> dom = DumpDom(file);
  if (!dom.ok()) return dom.status();
  constexpr std::string_view kOpen = "<pre id=\"probe-result\">";
  size_t start = dom->find(kOpen);
  if (start == std::string::npos) {
    return absl::InternalError(StrCat("the probe wrote no result; the DOM was:\n",
                                      dom->substr(0, 2000)));
  }
  start += kOpen.size();
  size_t end = dom->find("</pre>", start);
  std::string text = headless_chromium_internal::UnescapeText(std::string_view(*dom).substr(start, end - start));
  nlohmann::json result = nlohmann::json::parse(text, nullptr, false);
  if (result.is_discarded()) return absl::InternalError(StrCat("the probe result is not JSON: ", text));
  return result;
}

inline bool IsPng(const std::filesystem::path& path, uintmax_t* size) {
  std::error_code error;
  *size = std::filesystem::file_size(path, error);
  if (error) return false;
  std::ifstream in(path, std::ios::binary);
  char signature[8] = {};
  in.read(signature, sizeof signature);
  return in.gcount() == 8 && std::string_view(signature, 8) == "\x89PNG\r\n\x1a\n";
}

}  // namespace pgdrift::report::testing

#endif  // PGDRIFT_REPORT_TESTING_HEADLESS_CHROMIUM_H_

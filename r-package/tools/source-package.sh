#!/usr/bin/env bash
# Builds the self-contained source package of the R package, mixlogit_<version>.tar.gz: the R package with the
# engine's jars in inst/java and the Java sources of the engine in the top-level java/ folder (as CRAN asks of
# packages that ship jars), with java/README saying what each jar is and how to rebuild it. The package installs
# with only a Java runtime (no JDK, no Maven): R CMD INSTALL mixlogit_<version>.tar.gz.
#
# Usage, in a clone (Maven and a JDK are needed only when the jars are missing or older than the sources, in which
# case the package's configure builds them):
#   bash r-package/tools/source-package.sh [OUTPUT_DIR]     # OUTPUT_DIR defaults to the current directory
# Prints the path of the package it wrote.
set -euo pipefail
pkg="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$pkg/.." && pwd)"
mkdir -p "${1:-.}"
out="$(cd "${1:-.}" && pwd)"

# The jars, refreshed by configure when they are missing or stale (it stops, naming the missing tool, when it
# cannot build them).
(cd "$pkg" && sh ./configure) >&2

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$pkg" "$stage/mixlogit"
src="$stage/mixlogit/java"
rm -rf "$src"
mkdir -p "$src"
cp -R "$root/java/src/main" "$src/main"
cp "$root/java/pom.xml" "$src/pom.xml"
cp "$root/pom.xml" "$src/parent-pom.xml"
revision="$(git -C "$root" describe --always --dirty 2>/dev/null || echo "unknown")"

# java/README: the engine jar's sources and how to rebuild it; each third-party jar's Maven coordinates (read
# from its META-INF/maven/.../pom.properties) and licence.
Rscript --vanilla - "$stage/mixlogit" "$revision" >"$src/README" <<'EOF'
args <- commandArgs(trailingOnly = TRUE)
pkg <- args[1]
revision <- args[2]
jars <- sort(list.files(file.path(pkg, "inst", "java"), pattern = "\\.jar$"))
entries <- function(jar) utils::unzip(file.path(pkg, "inst", "java", jar), list = TRUE)$Name
read_entry <- function(jar, entry) {
  con <- unz(file.path(pkg, "inst", "java", jar), entry)
  on.exit(close(con))
  readLines(con, warn = FALSE)
}
coordinates <- function(jar) {
  props <- grep("^META-INF/maven/.*/pom\\.properties$", entries(jar), value = TRUE)
  if (length(props) != 1L) stop("cannot tell which library ", jar, " is: it has no single pom.properties")
  lines <- read_entry(jar, props)
  value <- function(key) sub(paste0("^", key, "="), "", grep(paste0("^", key, "="), lines, value = TRUE))
  paste(value("groupId"), value("artifactId"), value("version"), sep = ":")
}
licence <- function(jar) {
  files <- grep("^META-INF/.*LICENSE(\\.txt)?$", entries(jar), value = TRUE)
  main <- grep("^META-INF/LICENSE(\\.txt)?$", files, value = TRUE)
  if (length(main) != 1L) stop(jar, " has no META-INF/LICENSE: state its licence in tools/source-package.sh")
  text <- read_entry(jar, main)
  name <- if (any(grepl("Apache", text)) && any(grepl("2\\.0", text))) "Apache License 2.0" else "licence"
  others <- setdiff(files, main)
  paste0(name, " (", main, " in the jar", if (length(others)) paste0("; code it bundles: ",
         paste(others, collapse = ", ")), ")")
}
core <- "mixlogit-core.jar"
if (!core %in% jars) stop("inst/java has no ", core)
others <- setdiff(jars, core)
cat(sep = "", "The Java sources of the jars in inst/java\n",
"=========================================\n\n",
"inst/java/", core, " is the mixlogit engine, built from the sources in this folder: main/java (the classes) and\n",
"main/resources (the bundled example data). pom.xml is its Maven build file and parent-pom.xml its parent's; in the\n",
"project's repository they are java/pom.xml and pom.xml, and the jar is built there, from the repository root, by\n",
"    mvn -B package -DskipTests\n",
"(this copy: revision ", revision, ").\n\n",
"To rebuild the jar from this folder instead, with a JDK 11 or newer and no Maven, from the package's top folder:\n",
"    mkdir classes\n",
"    javac --release 11 -encoding UTF-8 -nowarn -d classes \\\n",
"        -cp \"", paste0("inst/java/", others, collapse = ":"), "\" \\\n",
"        $(find java/main/java -name '*.java')\n",
"    cp -R java/main/resources/. classes/\n",
"    jar cf inst/java/", core, " -C classes .\n\n",
"The other jars are unmodified libraries from Maven Central, where each one's sources are published next to it\n",
"(the -sources.jar of the same coordinates):\n")
for (jar in others) {
  cat(sprintf("    %s\n        inst/java/%s; %s\n", coordinates(jar), jar, licence(jar)))
}
EOF

(cd "$out" && R CMD build --no-build-vignettes "$stage/mixlogit" >&2)
version="$(sed -n 's/^Version: *//p' "$pkg/DESCRIPTION")"
echo "$out/mixlogit_$version.tar.gz"

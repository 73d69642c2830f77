# Writes Sources/MLMLang/Namespaces/PackageIndexTables.swift: for every package mlmd provides, each object
# its attached environment holds in R 4.2 (ls("package:<name>"), lazily loaded data included),
# and every S3 method its namespace registers. mlmd uses the table to print library()'s
# masking notices as R computes them, and its tests check each name mlmd defines against it.
#
# Columns: package, name, kind, home, isfun
#   kind   export (in the attached package) or s3 (a registered S3 method, usually unexported)
#   home   the namespace the object comes from ("" when it is the package itself); two
#          packages exporting the same name with the same home export one object (re-exports),
#          which R does not report as masking
#   isfun  1 for functions
# Run from the repository root: Rscript scripts/generate-package-index.R
packages <- c("base", "stats", "graphics", "grDevices", "utils", "datasets", "methods", "splines",
              "Matrix", "lme4", "lmerTest", "mlmRev", "dplyr", "tidyr", "tibble", "readr", "readxl",
              "broom", "broom.mixed", "grid", "ggplot2", "magrittr", "lattice", "purrr", "stringr",
              "forcats", "tidyverse", "knitr", "nlme", "boot", "pbkrtest", "emmeans", "viridisLite", "viridis", "carData", "car")
# Packages whose objects mlmd files under the package that re-exports them (glimpse is pillar's,
# re-exported by tibble): indexed too, so that tests can check those objects against R.
stand_ins <- c("pillar", "tidyselect", "generics")
for (p in packages) suppressPackageStartupMessages(library(p, character.only = TRUE))
for (p in stand_ins) loadNamespace(p)

home_of <- function(object, package, name = NULL) {
  if (methods::is(object, "genericFunction")) return(object@package)
  # A copy of a base function (Matrix's det) is the same object to library(), which compares
  # with base ignoring environments.
  if (!is.null(name) && package != "base" && exists(name, envir = baseenv(), inherits = FALSE) &&
      identical(object, get(name, envir = baseenv()), ignore.environment = TRUE)) return("base")
  if (is.function(object)) {
    env <- environment(object)
    if (is.null(env)) return("base")
    name <- environmentName(env)
    if (name == "R_GlobalEnv" || name == "") return(package)
    return(name)
  }
  package
}

rows <- list()
add <- function(package, name, kind, object) {
  home <- home_of(object, package, name)
  rows[[length(rows) + 1L]] <<- data.frame(package = package, name = name, kind = kind,
                                           home = if (home == package) "" else home,
                                           isfun = as.integer(is.function(object)))
}
for (p in packages) {
  env <- as.environment(paste0("package:", p))
  for (n in sort(ls(env, all.names = TRUE))) add(p, n, "export", get(n, envir = env))
}
for (p in stand_ins) {
  for (n in sort(getNamespaceExports(p))) add(p, n, "export", getExportedValue(p, n))
}
# Methods are registered in the table of their generic's namespace (generics, pillar, ...),
# so every loaded namespace's table is read and each method filed under its own package.
for (ns in loadedNamespaces()) {
  table <- get(".__S3MethodsTable__.", envir = asNamespace(ns))
  for (n in sort(ls(table, all.names = TRUE))) {
    f <- get(n, envir = table)
    home <- home_of(f, ns)
    if (home %in% c(packages, stand_ins)) add(home, n, "s3", f)
  }
}
# A method a package defines and registers may have been replaced in the table by a later
# package's registration (MASS's confint.glm over stats' own, which calls it): the package's own
# definition is its registered method all the same.
for (p in c(packages, stand_ins)) {
  table <- get(".__S3MethodsTable__.", envir = asNamespace(p))
  for (n in sort(ls(table, all.names = TRUE))) {
    if (!exists(n, envir = asNamespace(p), inherits = FALSE)) next
    f <- get(n, envir = asNamespace(p))
    if (identical(home_of(f, p), p)) add(p, n, "s3", f)
  }
}
out <- unique(do.call(rbind, rows))
# A data object two packages both export (viridis and viridisLite's viridis.map) is the same
# object to library() when identical: it takes the home of the first package exporting it.
data_exports <- out[out$kind == "export" & out$isfun == 0, ]
for (n in unique(data_exports$name[duplicated(data_exports$name)])) {
  holders <- out$package[out$kind == "export" & out$name == n & out$isfun == 0]
  if (length(holders) < 2) next
  first <- holders[1]
  for (p in holders[-1]) {
    same <- tryCatch(identical(get(n, envir = as.environment(paste0("package:", first))),
                               get(n, envir = as.environment(paste0("package:", p)))), error = function(e) FALSE)
    if (same) out$home[out$kind == "export" & out$name == n & out$package == p] <- first
  }
}
out <- out[order(match(out$package, c(packages, stand_ins)), out$kind, out$name), ]
# The objects more than one provided package exports: all that library()'s masking notices and
# tidyverse's conflicts compare between packages, so a session reads only this small table
# (and the attached package's own rows) instead of the whole index.
provided <- out[out$kind == "export" & out$package %in% packages, ]
shared <- provided[provided$name %in% provided$name[duplicated(provided$name)], ]
rows <- function(d) paste(d$package, d$name, d$kind, d$home, d$isfun, sep = "\t")
versions <- paste(sprintf("%s %s", c(packages, stand_ins),
                          sapply(c(packages, stand_ins), function(p) format(packageVersion(p)))), collapse = ", ")
# Compiled into mlmd as string literals: a session reads them without touching the file system,
# and a package's rows without reading the others'.
block <- function(lines) c('#"""', lines, '"""#')
per_package <- unlist(lapply(unique(out$package), function(p)
  c(sprintf('        "%s":', p), block(rows(out[out$package == p, ])), "        ,")))
writeLines(c("// Generated by scripts/generate-package-index.R from R; do not edit.",
             sprintf("// R %s.%s; %s", R.version$major, R.version$minor, versions),
             "// Rows: package, name, kind (export or s3), home (\"\" for the package itself), isfun.",
             "extension PackageIndex {",
             "    /// By package: every object of its attached environment and every S3 method its",
             "    /// namespace registers.",
             "    static let exportRows: [String: StaticString] = [",
             per_package,
             "    ]",
             "",
             "    /// The rows of objects that more than one provided package exports.",
             "    static let sharedRows: StaticString = ", block(rows(shared)),
             "",
             "    /// Each provided package's version (packageVersion), as start-up banners print it.",
             "    static let versions: [String: String] = [",
             sprintf('        "%s": "%s",', packages, sapply(packages, function(p) format(packageVersion(p)))),
             "    ]",
             "",
             "    /// tidyverse's core: what library(tidyverse) attaches, in its order.",
             "    static let tidyverseCore: [String] = [",
             paste0('        ', paste0('"', get("core", envir = asNamespace("tidyverse")), '"', collapse = ", "), ","),
             "    ]",
             "",
             "    /// tidyverse_packages(): what tidyverse's conflicts report covers.",
             "    static let tidyverseMembers: [String] = [",
             paste0('        ', paste0('"', tidyverse::tidyverse_packages(include_self = TRUE), '"', collapse = ", "), ","),
             "    ]",
             "}"),
           "Sources/MLMLang/Namespaces/PackageIndexTables.swift")

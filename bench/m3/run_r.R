#!/usr/bin/env Rscript
# Run R's forecast package (ets, auto.arima, thetaf) on the exported M3 series.
#
#   Rscript run_r.R [--models ets,auto_arima,thetaf] [--every K] [--data DIR]
#
# Each series is ts(x, frequency = m) and is forecast h steps ahead with the
# function's defaults: forecast(ets(x), h), forecast(auto.arima(x), h),
# thetaf(x, h).  One process, one model at a time, one series at a time; each
# model is warmed up (untimed) on the first series of each category.  Time per
# category: CPU = user + system time of this R process (proc.time), wall =
# elapsed.  A series whose fit fails or gives non-finite values is left out of
# the forecast file (so the scorer reports it missing).
#
# Writes results/r_<model>[_everyK].csv (id,h,yhat; shortest of %.15g/%.16g/%.17g
# that round-trips) and merges {"r_<model>[_everyK]": {...}} into
# results/r_times.json.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
opt <- list(models = "ets,auto_arima,thetaf", every = "1", data = NULL)
i <- 1
while (i <= length(args)) {
  key <- sub("^--", "", args[i])
  if (!key %in% names(opt)) stop("unknown option ", args[i])
  opt[[key]] <- args[i + 1]
  i <- i + 2
}
here <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f)) dirname(normalizePath(f)) else getwd()
})
every <- as.integer(opt$every)
sfx <- if (every == 1) "" else paste0("_every", every)
data_dir <- if (is.null(opt$data)) file.path(here, "data") else opt$data
res_dir <- file.path(here, "results")
dir.create(res_dir, showWarnings = FALSE)
models <- strsplit(opt$models, ",")[[1]]

meta <- read.csv(file.path(data_dir, paste0("m3_meta", sfx, ".csv")),
                 colClasses = c(id = "character", category = "character", start = "character"))
train <- read.csv(file.path(data_dir, paste0("m3_train", sfx, ".csv")),
                  colClasses = c(id = "character", t = "integer", y = "numeric"))
train <- train[order(train$id, train$t), ]
ys <- split(train$y, train$id)

fit_one <- function(model, x, h) {
  switch(model,
    ets        = forecast(ets(x), h = h)$mean,
    auto_arima = forecast(auto.arima(x), h = h)$mean,
    thetaf     = thetaf(x, h = h)$mean,
    stop("unknown model ", model))
}

fmt <- function(v) {
  s <- sprintf("%.15g", v)
  for (d in c(16, 17)) {
    bad <- as.numeric(s) != v
    s[bad] <- sprintf(paste0("%.", d, "g"), v[bad])
  }
  s
}

json_num <- function(x) format(round(x, 3), nsmall = 3, scientific = FALSE, trim = TRUE)

cats <- c("Yearly", "Quarterly", "Monthly", "Other")
times_path <- file.path(res_dir, "r_times.json")

for (model in models) {
  key <- paste0("r_", model, sfx)
  # warm-up, untimed
  for (cat in cats) {
    idx <- which(meta$category == cat)
    if (length(idx)) invisible(fit_one(model, ts(ys[[meta$id[idx[1]]]], frequency = meta$m[idx[1]]), meta$h[idx[1]]))
  }
  out <- list(); failed <- character(0); per <- list()
  for (cat in cats) {
    idx <- which(meta$category == cat)
    if (!length(idx)) next
    xs <- lapply(idx, function(j) ts(ys[[meta$id[j]]], frequency = meta$m[j]))
    p0 <- proc.time()
    fc <- vector("list", length(idx))
    for (k in seq_along(idx)) {
      j <- idx[k]
      fc[[k]] <- tryCatch(suppressWarnings(as.numeric(fit_one(model, xs[[k]], meta$h[j]))),
                          error = function(e) e)
    }
    p1 <- proc.time()
    ok <- 0
    for (k in seq_along(idx)) {
      j <- idx[k]; f <- fc[[k]]
      if (inherits(f, "error")) {
        failed <- c(failed, paste0(meta$id[j], ": ", conditionMessage(f)))
      } else if (length(f) != meta$h[j] || any(!is.finite(f))) {
        failed <- c(failed, paste0(meta$id[j], ": non-finite or wrong length"))
      } else {
        out[[length(out) + 1]] <- data.frame(id = meta$id[j], h = seq_len(meta$h[j]), yhat = fmt(f))
        ok <- ok + 1
      }
    }
    d <- p1 - p0
    cpu <- unname(d["user.self"] + d["sys.self"]); wall <- unname(d["elapsed"])
    per[[cat]] <- list(cpu_s = cpu, wall_s = wall, series = length(idx), ok = ok)
    cat(sprintf("  %-10s %-9s %5d series  cpu %8.2f s  wall %8.2f s\n", model, cat, length(idx), cpu, wall))
  }
  res <- do.call(rbind, out)
  write.csv(res, file.path(res_dir, paste0(key, ".csv")), row.names = FALSE, quote = FALSE)
  cpu <- sum(sapply(per, `[[`, "cpu_s")); wall <- sum(sapply(per, `[[`, "wall_s"))
  nok <- sum(sapply(per, `[[`, "ok"))
  pc <- paste(sprintf('"%s": {"cpu_s": %s, "wall_s": %s, "series": %d, "ok": %d}', names(per),
                      sapply(per, function(p) json_num(p$cpu_s)), sapply(per, function(p) json_num(p$wall_s)),
                      sapply(per, `[[`, "series"), sapply(per, `[[`, "ok")), collapse = ", ")
  fl <- paste(sprintf('"%s"', gsub('["\\\\\n]', " ", head(failed, 50))), collapse = ", ")
  entry <- sprintf(paste0('{"cpu_s": %s, "wall_s": %s, "series": %d, "ok": %d, "failed": [%s], ',
                          '"per_category": {%s}, "tool": "R %s, forecast %s", "note": "%s"}'),
                   json_num(cpu), json_num(wall), nrow(meta), nok, fl, pc,
                   paste(R.version$major, R.version$minor, sep = "."), packageVersion("forecast"),
                   "defaults, ts(x, frequency = m), one series at a time, warm-up untimed")
  # merge into the JSON file through python (keeps one writer format); fall back to jsonlite
  tmp <- tempfile(fileext = ".json")
  writeLines(sprintf('{"%s": %s}', key, entry), tmp)
  py <- file.path(here, ".venv", "bin", "python")
  if (!file.exists(py)) py <- "python3"
  rc <- system2(py, c("-c", shQuote(paste0(
    "import sys,json; sys.path.insert(0, sys.argv[1]); import m3io; ",
    "m3io.merge_times(sys.argv[2], json.load(open(sys.argv[3])))")), shQuote(here), shQuote(times_path), shQuote(tmp)))
  if (rc != 0) stop("could not merge times into ", times_path)
  cat(sprintf("%s: %d/%d series, cpu %.1f s, wall %.1f s%s\n", key, nok, nrow(meta), cpu, wall,
              if (length(failed)) paste0(", ", length(failed), " failed") else ""))
}

// The CLI's help text: the commands, their options, and what the exit codes mean.
export const USAGE = 'Usage: gloss <command> [options] --data DIR   (gloss --help lists the commands)';

export const HELP = `Gloss — research annotator, command line

Usage: gloss <command> [arguments] --data DIR [options]

Commands:
  import FILE...      add documents: .txt, .md, .html, .pdf and .docx files
                      [--url URL [--allow-private]] [--title T] (one document only)  [--json]
  list                list the documents  [--trash] [--json]
  search QUERY...     full-text search over titles, text, notes, tags and sources
                      [--limit N] [--json]
  show ID             print one document: its title and text; with --json, its id, title,
                      citation details (CSL-JSON), canonical text and blocks  [--json]
  annotate ID --quote TEXT
                      highlight the first occurrence of TEXT (or --occurrence N)
                      [--kind K] [--tag T]... [--source NAME]... [--note N] [--json]
                      tags and sources are created when new; figures are read from the quote
  annotations ID      list a document's annotations with their selectors  [--json]
  export --format F --out FILE
                      write an export: F is md, html, docx, pdf or txt (an annotated
                      bibliography), csl-json, bibtex, ris, csv (the claim table) or w3c
                      (Web Annotation JSON-LD)  [--style S] [--tag T | --doc ID...]
                      [--group-by document|source|tag] [--sort author|date|title] [--bom]
                      S: apa (default), chicago-author-date, modern-language-association,
                      harvard-cite-them-right, vancouver, or the path of a .csl file
  import-annotations FILE
                      read W3C Web Annotation JSON-LD or a Hypothesis JSON export onto the
                      library's documents (matched by id, URL or text)  [--json]
  backup              write a verified backup into DIR/backups  [--json]
  restore FILE        return the library to a backup (the current state is backed up first)

Every command takes --data DIR, the folder that holds the library (library.sqlite).
Exit status: 0 success, 2 usage error, 1 failure (a one-line message on stderr).`;

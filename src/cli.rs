//! The command line: what `pds --help` teaches.

use crate::model::{CaseNumber, MeetingNumber};
use crate::render::OutputFormat;
use crate::report::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Keep a governance board's paper trail as plain text in git, check it, and
/// render what the board receives.
///
/// A record is a folder holding pds.yaml (the board), one folder per year with
/// meetings.yaml and one Markdown file per case, and optionally drafts/, risks/
/// and status/. pds finds the record like git finds .git: from the current
/// folder upward, or from --repo.
#[derive(Debug, Parser)]
#[command(name = "pds", version, propagate_version = true, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  pds --repo cases check                 check the record, exit 1 on errors\n  pds check --format github --base main  what CI runs on a pull request\n  pds list cases --meeting 7/2021        the agenda of meeting 7/2021\n  pds check --explain duplicate-case     what a finding code means"
)]
pub struct Cli {
    /// The record's folder (default: the nearest folder upward holding pds.yaml)
    #[arg(long, global = true, value_name = "DIR")]
    pub repo: Option<PathBuf>,

    /// When to colour output; NO_COLOR in the environment turns auto off
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print less: no acknowledged findings, no summary when all is well
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the whole record: schema, case and meeting numbers, file names
    ///
    /// Reports every problem at once, each at its file, line and column.
    /// Exit status: 0 no errors, 1 errors (or warnings with --deny-warnings),
    /// 2 bad usage or no record.
    Check(CheckArgs),
    /// List cases or meetings
    List(ListArgs),
    /// Render a document the board receives: notice, case, overview, risks, status, minutes, pack, invite, decisions
    ///
    /// Markdown goes to stdout unless -o FILE is given; HTML is one
    /// self-contained print-ready page; PDF is PDF/A-2b typeset by the Typst
    /// built into pds (fonts included, no browser needed), with bookmarks and
    /// "Side x av y": `pds render pack 7/2021 -o pack.pdf`. Built-in templates
    /// can be overridden by the record's own templates/ folder (see `pds
    /// templates eject`; layout.typ is the PDF's page).
    Render(RenderArgs),
    /// Create a case (numbered on a meeting's agenda, or a draft) or a meeting
    #[command(subcommand)]
    New(NewCommand),
    /// Give a draft the next free number and move it onto a meeting's agenda
    ///
    /// The draft (a path, or its name in drafts/) gets `number` and `meeting`
    /// (and `type`, `title` when given), `status: draft` becomes `ready`, and
    /// the file moves to <year>/<nn>-<yy>-<slug>.md. The meeting must be
    /// planned, not held or cancelled. A numbered case is not scheduled again:
    /// if a parallel branch took the number first (`pds check --base` reports
    /// `number-taken`), give it another with `pds renumber <CASE> --next`.
    Schedule {
        /// The draft: drafts/strategi.md, or strategi
        draft: PathBuf,
        /// The meeting: 7/2021 or 7-2021 (planned: not held or cancelled)
        #[arg(long)]
        meeting: MeetingNumber,
        /// The case's type, one of `case_types` in pds.yaml (sets `type`;
        /// needed when the draft has none)
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        /// A new title for the case (sets `title`)
        #[arg(long)]
        title: Option<String>,
    },
    /// Give a numbered case another number, and bring every reference along
    ///
    /// The case file is renamed (<year>/<nn>-<yy>-<slug>.md, the slug kept),
    /// its `number` rewritten, and every value naming the old number follows:
    /// other cases' `previous`, action items' `raised`, and acknowledgements
    /// in pds.yaml whose finding is about the case's own number (case-order,
    /// case-year-mismatch, file-name). An acknowledgement that matched a
    /// finding before and matches none after (duplicate-case 5/21 once only
    /// one case carries 5/21, case-gap 8/21 once a case takes 8/21) is
    /// removed. When two cases carry the old number, references to it are
    /// left as they are: they may mean the other one.
    ///
    /// NEW must be of the year of the case's meeting and carried by no case.
    /// A case of a held or approved meeting is not renumbered (exit 1): its
    /// numbers are frozen; nor is a case moved with --meeting onto the agenda
    /// of a held, approved or cancelled meeting (exit 1). All of it happens
    /// under the record's lock; every new text is verified before any file
    /// is written, and a write that fails puts back the ones before it.
    /// Errors the result has that the record had not (a gap the old number
    /// leaves) are printed as warnings.
    ///
    /// Examples:
    ///   pds renumber 13/22 14/22          after `check --base` says number-taken
    ///   pds renumber digital-strategy --next
    ///   pds renumber 2021/05-21-plan.md 48/21 --dry-run
    ///   pds renumber 47/21 --next --meeting 8/2021      postponed to the next meeting
    #[command(verbatim_doc_comment)]
    Renumber {
        /// The case: its number (5/21 or 5-21), its slug (digital-strategy)
        /// or its file's path; a number two cases carry needs the path
        case: CaseArg,
        /// The new number: 14/22 or 14-22
        #[arg(required_unless_present = "next")]
        new: Option<CaseNumber>,
        /// Take the next free number of the year (what `pds next` prints)
        #[arg(long, conflicts_with = "new")]
        next: bool,
        /// Move the case onto this meeting's agenda too (a planned or
        /// proposed one): 8/2021; NEW is then of its year
        #[arg(long)]
        meeting: Option<MeetingNumber>,
        /// Print what would change, and change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Rewrite files canonically: YAML formatted on its syntax tree (comments
    /// kept), case numbers normalised (05/21 → 5/21), Markdown bodies as
    /// CommonMark
    ///
    /// Every result is verified before it is written (values equal, Markdown
    /// syntax trees equal, a second pass changes nothing, no word lost);
    /// otherwise the file is left as it was, with a warning. Files that do not
    /// parse are never touched.
    Fmt {
        /// Change nothing: print a diff and exit 1 if a file would change
        #[arg(long)]
        check: bool,
        /// Files or folders of the record (default: the whole record). Without
        /// --repo, outside any record, each file's record is the nearest
        /// folder upward holding pds.yaml (a pre-commit hook at the repository's
        /// top); files in no record are skipped with a note
        paths: Vec<PathBuf>,
    },
    /// Print a shell completion script: pds completions bash > /etc/bash_completion.d/pds
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): pds man > pds.1
    Man,
    /// Print a JSON Schema (draft 2020-12) of a kind of file, for editors
    ///
    /// Made from the tables pds reads the files by; self-contained, and
    /// refusing keys pds does not know. Without KIND: one JSON object holding
    /// every kind's schema, keyed by kind. A case's schema is of its front
    /// matter. Example: pds schema case > .pds/case.schema.json
    Schema {
        /// The kind of file
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(
            crate::load::table::FILES.iter().map(|f| clap::builder::PossibleValue::new(f.name).help(f.path))
        ))]
        kind: Option<String>,
    },
    /// Work with the built-in templates
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Start a record: pds.yaml, this year's meetings.yaml, an example draft, and CI
    ///
    /// Creates DIR (default: the current folder) when needed and writes
    /// pds.yaml, <year>/meetings.yaml with one planned meeting and
    /// drafts/<example>.md, a draft to try the loop on (render it, schedule
    /// it); `pds check` is clean afterwards. Beside the record, at the top of
    /// the git repository DIR is in (or in DIR when it is in none), it writes
    /// .github/workflows/pds.yml and .pre-commit-config.yaml, both with
    /// `--repo <DIR from the top>` so they work on a record in a subfolder; an
    /// existing one is left as it was, and said so. A folder that already
    /// holds a record, or lies in one, is refused (exit 1, nothing written).
    /// <year> is this year by the clock, unless --year is given.
    #[command(
        after_help = "Examples:\n  pds init styret --board \"Styret for Eksempel AS\"       a record in styret/, in Norwegian (bokmål)\n  pds init --board \"Example Trust Board\" --language en   a record in this folder"
    )]
    Init(InitArgs),
    /// Show what changed in the cases since a git revision, for review
    ///
    /// For every case added, changed, renamed or removed since REV (drafts
    /// included): a heading, the front matter's changed values as a table
    /// (field, before, after), and the case document as `render case` writes
    /// it, compared word by word (<del>/<ins>). A renumbered case, or a
    /// draft scheduled, is one change. Markdown is fit to post as a pull
    /// request's comment; HTML is one self-contained page. Exit 0 whatever
    /// changed; 2 when REV is not a revision or there is no git repository.
    ///
    /// Example: pds --repo cases diff --base origin/main -o diff.html
    Diff(DiffArgs),
    /// Build the board's site: every meeting, case and register as pages, with search
    ///
    /// A folder of static pages: an index (upcoming meetings first, then each
    /// year's), a page per meeting at <year>/<n>/ (notice and agenda, minutes
    /// once held, the invite .ics), a page per case at sak/<n>-<yy>/ (its
    /// document, its decision, its history from git), the decisions, the risk
    /// register, status reports, quarterly overviews and search.html (works
    /// offline; search.html?q=NILAR links a search). Every link is relative:
    /// open DIR/index.html from disk or put DIR on any web server. Public by
    /// default, as `render --public` (refused while the record has errors not
    /// acknowledged). DIR is replaced as a whole, and only if it is empty or
    /// a site pds built.
    ///
    /// Example: pds --repo cases site -o public-site
    Site {
        /// The folder to write (made, or replaced if pds built it)
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
        /// Include exempt content: NOT for publishing; every page says so in a banner
        #[arg(long)]
        internal: bool,
        /// Also each meeting's pack as pack.pdf beside its page (needs Chromium)
        #[arg(long)]
        pdf: bool,
    },
    /// Preview the site while drafting: served on 127.0.0.1, rebuilt when a file changes
    ///
    /// The internal site (exempt content included) unless --public, built in
    /// memory and served on this machine only; open pages reload themselves
    /// after each rebuild, and the record's errors are shown on every page.
    /// Ctrl-C stops it.
    ///
    /// Example: pds --repo cases serve --port 8000
    Serve {
        /// The port; 0 picks a free one (the URL is printed)
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Serve the public site (as `pds site` writes it)
        #[arg(long)]
        public: bool,
    },
    /// Print the next free case number of a year
    Next {
        /// The year (default: this year)
        #[arg(long)]
        year: Option<u16>,
    },
    /// Deposit the record in the archive: a Noark 5 v5.0 extraction (arkivuttrekk)
    ///
    /// Writes DIR with arkivstruktur.xml (one meeting folder per held or
    /// approved meeting of the period, a registration per notice, case and
    /// minutes, each document with its SHA-256), arkivuttrekk.xml (ADDML:
    /// every file, its checksum, the counts), endringslogg.xml when git
    /// history changed a registered title, decision or number, the official
    /// schemas, and every document as PDF/A in dokumenter/. Exempt cases carry
    /// `skjerming` and are deposited whole. The same record gives the same
    /// bytes. Meetings not yet held are left out, named in a warning; a
    /// period with errors that are not acknowledged is refused (exit 1).
    /// `--check DIR` re-reads an extraction: exit 0 when every file,
    /// checksum and count holds, 1 with one line per problem.
    #[command(
        after_help = "Examples:\n  pds archive --from 2021 --to 2021 -o deposit-2021   write the extraction of 2021\n  pds archive --check deposit-2021                    check it again (after a copy, a year later)\n  xmllint --noout --schema deposit-2021/arkivstruktur.xsd deposit-2021/arkivstruktur.xml"
    )]
    Archive(ArchiveArgs),
}

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// The first year to deposit (default: the first year with a held meeting)
    #[arg(long, value_name = "YEAR", conflicts_with = "check")]
    pub from: Option<u16>,
    /// The last year to deposit (default: the last year with a held meeting)
    #[arg(long, value_name = "YEAR", conflicts_with = "check")]
    pub to: Option<u16>,
    /// The folder to write: a new or empty one (written whole, or not at all)
    #[arg(
        short,
        long,
        value_name = "DIR",
        required_unless_present = "check",
        conflicts_with = "check"
    )]
    pub output: Option<PathBuf>,
    /// Replace DIR whole when it is a folder that is not empty
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Check the extraction in DIR instead of writing one
    #[arg(long, value_name = "DIR")]
    pub check: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The record's folder, made when missing (default: the current folder)
    pub dir: Option<PathBuf>,

    /// The board's name, as documents print it: "Styret for Eksempel AS"
    #[arg(long, value_name = "NAME")]
    pub board: String,

    /// The language of rendered documents (and of the example's words)
    #[arg(long, default_value = "nb", value_parser = clap::builder::PossibleValuesParser::new(<crate::model::Language as crate::model::Named>::NAMES))]
    pub language: String,

    /// The year of the first meetings.yaml (default: this year, by the clock)
    #[arg(long)]
    pub year: Option<u16>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,

    /// Also compare with the record at a git revision (a pull request's base):
    /// numbers taken on both sides, and changes to the cases of held meetings
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,

    /// Explain a finding code (for example duplicate-case) and exit
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,

    /// Files of the record, used only to find it when neither --repo nor the
    /// current folder names one (a pre-commit hook at the repository's top,
    /// the record in cases/, passes them); the whole record is checked, and
    /// files in no record are skipped with a note
    #[arg(value_name = "FILE")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The revision to compare with: a branch, tag or commit (origin/main)
    #[arg(long, value_name = "REV")]
    pub base: String,

    /// Output format (default: from -o FILE's extension, .md or .html;
    /// otherwise md)
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,

    /// Write to FILE instead of stdout (written atomically); `-o -` is stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Show exempt cases only as `render --public` does, on both sides.
    /// Refused (exit 1) while either side has errors that are not acknowledged
    #[arg(long)]
    pub public: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Markdown, for a pull request's comment
    Md,
    /// One self-contained HTML page
    Html,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(subcommand)]
    pub what: RenderWhat,

    /// Output format (default: from -o FILE's extension, .md, .html or .pdf;
    /// otherwise md)
    #[arg(long, value_enum, global = true)]
    pub format: Option<OutputFormat>,

    /// Write to FILE instead of stdout (written atomically); required for pdf.
    /// Without --format, FILE's extension picks the format (.md, .html, .pdf;
    /// .ics for an invite). `-o -` is stdout (for pdf: the bytes, to a pipe or a file). A device,
    /// FIFO, socket, symbolic link or folder is refused, and so is any file
    /// of the record (a case, meetings.yaml, pds.yaml, a template)
    #[arg(short, long, value_name = "FILE", global = true)]
    pub output: Option<PathBuf>,

    /// Render what may be published: exempt cases keep only number, meeting, title, type
    /// and "Unntatt offentlighet (<basis>)". Refused (exit 1, nothing written) while the
    /// record has errors that are not acknowledged: see `pds check`
    #[arg(long, global = true)]
    pub public: bool,
}

#[derive(Debug, Subcommand)]
pub enum RenderWhat {
    /// The meeting notice (møteinnkalling) with its agenda
    Notice {
        /// The meeting: 7/2021 or 7-2021
        meeting: MeetingNumber,
    },
    /// One case document (saksfremlegg), or a draft's, marked as a draft
    ///
    /// A number two cases carry is refused (exit 1, naming both files):
    /// render one by its path.
    Case {
        /// The case: 43/21 or 43-21; or a draft by its name in drafts/
        /// (budsjett-2022) or any case by its path (drafts/budsjett-2022.md,
        /// 2021/43-21-strategi.md), from here or from the record's folder
        case: CaseArg,
    },
    /// Quarterly overview of a year's cases, per meeting
    Overview {
        /// The year: 2021
        year: u16,
        /// Only this quarter
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
        quarter: Option<u8>,
    },
    /// The risk register
    Risks,
    /// A status report (statusrapport), by its date or by the meeting it is for
    Status {
        /// 2021-11-24, or a meeting: 7/2021
        which: String,
    },
    /// Minutes (protokoll): attendance, each case with its decision, new action items
    Minutes {
        /// The meeting: 7/2021 or 7-2021
        meeting: MeetingNumber,
    },
    /// The whole board pack: the notice, then every case document in agenda order
    Pack {
        /// The meeting: 7/2021 or 7-2021
        meeting: MeetingNumber,
    },
    /// The meeting as a calendar invitation (.ics)
    Invite {
        /// The meeting: 7/2021 or 7-2021
        meeting: MeetingNumber,
    },
    /// The decisions register (vedtaksprotokoll): every decided case in number order
    ///
    /// Number, meeting, date, title and decision of each case with a
    /// `decision:` (or a default from pds.yaml `default_decisions`).
    /// Example: `pds render decisions 2021 --public -o vedtak-2021.html`
    Decisions {
        /// Only the cases numbered in this year (2021); all years when left out
        year: Option<u16>,
    },
}

/// `render case`'s argument: a case number, or a case file (a draft by its
/// name in drafts/, or any case by its path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseArg {
    Number(CaseNumber),
    Path(PathBuf),
}

impl std::str::FromStr for CaseArg {
    type Err = crate::model::number::NumberError;

    /// Digits around one `/` or `-` are meant as a number, and keep the
    /// number's message when they are not one (`2/2021`); anything else is
    /// a draft's name or a path.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number_like = !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || c == '/' || c == '-')
            && s.chars().any(|c| c.is_ascii_digit());
        match CaseNumber::parse_arg(s) {
            Ok(n) => Ok(CaseArg::Number(n)),
            Err(e) if number_like => Err(e),
            Err(_) => Ok(CaseArg::Path(PathBuf::from(s))),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A case: with --meeting, numbered with the next free number of its year;
    /// without, a draft in drafts/
    Case {
        /// The case title
        #[arg(long)]
        title: String,
        /// Put it on this meeting's agenda: 7/2021 or 7-2021
        #[arg(long)]
        meeting: Option<MeetingNumber>,
        /// The case type, one of pds.yaml case_types (required with --meeting)
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        /// A one-line description
        #[arg(long)]
        description: Option<String>,
    },
    /// The next meeting of the date's year, appended to <year>/meetings.yaml
    Meeting {
        /// The date: 2021-12-16
        #[arg(long)]
        date: String,
        /// The time: 10:00-12:00
        #[arg(long)]
        time: Option<String>,
        /// Where it is held
        #[arg(long)]
        place: Option<String>,
        /// An extraordinary meeting
        #[arg(long)]
        extraordinary: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Copy the built-in templates out, as a starting point for overrides,
    /// with labels.yaml: every word of the documents in the record's language
    ///
    /// Example: `pds templates eject`, then change `agenda: Agenda` in
    /// templates/labels.yaml to `agenda: Saksliste`; `pds render notice 7/2021`
    /// then says "Saksliste". One word can also be set in pds.yaml:
    /// `labels: { agenda: Saksliste }`.
    Eject {
        /// Where to put them (default: the record's templates/)
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list
    #[arg(value_enum)]
    pub what: ListWhat,

    /// Only this year (2021)
    #[arg(long)]
    pub year: Option<u16>,

    /// Only the cases of this meeting (7/2021 or 7-2021)
    #[arg(long, value_parser = MeetingNumber::parse_arg)]
    pub meeting: Option<MeetingNumber>,

    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    Cases,
    Meetings,
    /// The risk register
    Risks,
    /// Action items
    Actions,
    /// Every case with a decision, in number order
    Decisions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

//! Reading `status/<date>.yaml`.

use super::meeting::{date, meeting_number};
use super::schema::{Ctx, Fields};
use super::table::{Field, Table, Type, MEETING_NUMBER};
use crate::diag::Code;
use crate::model::{At, Light, Named, Phase, StatusReport, Timeline, TimelineRow};
use crate::yaml::Node;

pub const STATUS: Table = Table {
    what: "status report",
    fields: &[
        Field::required(
            "date",
            Type::Date,
            "The day the report gives the status of.",
        ),
        Field::optional(
            "meeting",
            MEETING_NUMBER,
            "The meeting the report is made for.",
        ),
        Field::optional("title", Type::Text, "The report's title."),
        Field::optional("overall", Type::Text, "The overall status, in Markdown."),
        Field::optional(
            "phases",
            Type::List(&Type::Map(&PHASE)),
            "One row of traffic lights per phase.",
        ),
        Field::optional(
            "timeline",
            Type::Map(&TIMELINE),
            "The main deliverables on a timeline.",
        ),
        Field::optional(
            "key_risks",
            Type::List(&Type::Number {
                min: 1,
                max: 1_000_000,
            }),
            "The ids of the risks the report names as key.",
        ),
        Field::optional("dependencies", Type::Text, "Dependencies, in Markdown."),
        Field::optional("focus", Type::Text, "The focus ahead, in Markdown."),
        Field::optional("communication", Type::Text, "Communication, in Markdown."),
        Field::optional("involvement", Type::Text, "Involvement, in Markdown."),
        Field::optional("value", Type::Text, "Value realised, in Markdown."),
        Field::optional("projects", Type::Text, "The projects, in Markdown."),
    ],
};

pub const PHASE: Table = Table {
    what: "phase",
    fields: &[
        Field::required("phase", Type::Text, "The phase's name."),
        Field::required("progress", Type::OneOf(Light::NAMES), "The progress light."),
        Field::required("economy", Type::OneOf(Light::NAMES), "The economy light."),
        Field::required("quality", Type::OneOf(Light::NAMES), "The quality light."),
        Field::required("risk", Type::OneOf(Light::NAMES), "The risk light."),
        Field::optional("comment", Type::Text, "A comment on the phase."),
    ],
};

pub const TIMELINE: Table = Table {
    what: "timeline",
    fields: &[
        Field::required(
            "from",
            Type::Number {
                min: 1900,
                max: 2999,
            },
            "The first year shown.",
        ),
        Field::required(
            "to",
            Type::Number {
                min: 1900,
                max: 2999,
            },
            "The last year shown.",
        ),
        Field::optional(
            "projects",
            Type::List(&Type::Map(&TIMELINE_ROW)),
            "One bar per deliverable.",
        ),
    ],
};

pub const TIMELINE_ROW: Table = Table {
    what: "timeline row",
    fields: &[
        Field::required("name", Type::Text, "The deliverable's name."),
        Field::optional(
            "from",
            Type::Date,
            "The day its bar starts; with `to`, or leave both out for no bar.",
        ),
        Field::optional(
            "to",
            Type::Date,
            "The day its bar ends; with `from`, or leave both out for no bar.",
        ),
    ],
};

pub fn status(ctx: &mut Ctx, node: &Node) -> Option<StatusReport> {
    let mut f = Fields::new(ctx, node, &STATUS)?;
    let report_date = f.take(ctx, "date").and_then(|n| date(ctx, n));
    let meeting = f.take(ctx, "meeting").and_then(|n| meeting_number(ctx, n));
    let title = f
        .take(ctx, "title")
        .and_then(|n| ctx.text(n, "title"))
        .unwrap_or_default();
    let phases = match f.take(ctx, "phases") {
        Some(n) => ctx
            .seq(n, "phases")
            .iter()
            .filter_map(|p| phase(ctx, p))
            .collect(),
        None => Vec::new(),
    };
    let timeline = f.take(ctx, "timeline").and_then(|n| timeline(ctx, n));
    let key_risks = match f.take(ctx, "key_risks") {
        Some(n) => ctx
            .seq(n, "key_risks")
            .iter()
            .filter_map(|r| {
                let id = ctx.int(r, "a risk id", 1..=1_000_000)?;
                Some(At {
                    value: id as u32,
                    at: ctx.at(r),
                })
            })
            .collect(),
        None => Vec::new(),
    };
    let mut section = |f: &mut Fields, key: &str| f.take(ctx, key).and_then(|n| ctx.text(n, key));
    let overall = section(&mut f, "overall");
    let dependencies = section(&mut f, "dependencies");
    let focus = section(&mut f, "focus");
    let communication = section(&mut f, "communication");
    let involvement = section(&mut f, "involvement");
    let value = section(&mut f, "value");
    let projects = section(&mut f, "projects");
    f.finish(ctx);
    Some(StatusReport {
        date: report_date?,
        meeting,
        title,
        overall,
        phases,
        timeline,
        key_risks,
        dependencies,
        focus,
        communication,
        involvement,
        value,
        projects,
        file: ctx.file.clone(),
    })
}

fn light(ctx: &mut Ctx, f: &mut Fields, key: &str) -> Option<Light> {
    let n = f.take(ctx, key)?;
    ctx.word(n)
}

fn phase(ctx: &mut Ctx, node: &Node) -> Option<Phase> {
    let mut f = Fields::new(ctx, node, &PHASE)?;
    let name = f.take(ctx, "phase").and_then(|n| ctx.text(n, "phase"));
    let progress = light(ctx, &mut f, "progress");
    let economy = light(ctx, &mut f, "economy");
    let quality = light(ctx, &mut f, "quality");
    let risk = light(ctx, &mut f, "risk");
    let comment = f.take(ctx, "comment").and_then(|n| ctx.text(n, "comment"));
    f.finish(ctx);
    Some(Phase {
        phase: name?,
        progress: progress?,
        economy: economy?,
        quality: quality?,
        risk: risk?,
        comment,
    })
}

fn timeline(ctx: &mut Ctx, node: &Node) -> Option<Timeline> {
    let mut f = Fields::new(ctx, node, &TIMELINE)?;
    let from = f
        .take(ctx, "from")
        .and_then(|n| ctx.int(n, "the first year", 1900..=2999));
    let to = f
        .take(ctx, "to")
        .and_then(|n| ctx.int(n, "the last year", 1900..=2999));
    let projects = match f.take(ctx, "projects") {
        Some(n) => ctx
            .seq(n, "projects")
            .iter()
            .filter_map(|p| {
                let mut g = Fields::new(ctx, p, &TIMELINE_ROW)?;
                let name = g.take(ctx, "name").and_then(|n| ctx.text(n, "name"));
                let from_node = g.take(ctx, "from");
                let to_node = g.take(ctx, "to");
                let from = from_node.and_then(|n| date(ctx, n));
                let to = to_node.and_then(|n| date(ctx, n));
                if let (Some(given), None) | (None, Some(given)) = (from_node, to_node) {
                    ctx.report(
                        Code::MissingField,
                        given,
                        "a timeline bar needs both `from` and `to`",
                    )
                    .help = Some(
                        "give both days, or leave both out to name the deliverable without a bar"
                            .into(),
                    );
                }
                g.finish(ctx);
                let bar = match (from_node, to_node) {
                    (None, None) => None,
                    _ => Some((from?.value, to?.value)),
                };
                Some(TimelineRow { name: name?, bar })
            })
            .collect(),
        None => Vec::new(),
    };
    f.finish(ctx);
    Some(Timeline {
        from: from? as u16,
        to: to? as u16,
        projects,
    })
}

//! Reading `status/<date>.yaml`.

use super::meeting::{date, meeting_number};
use super::schema::{Ctx, Fields};
use super::table::{Field, Need, Table, Type, MEETING_NUMBER};
use crate::model::{At, Light, Named, Phase, StatusReport, Timeline, TimelineRow};
use crate::yaml::Node;

pub const STATUS: Table = Table {
    what: "status report",
    fields: &[
        Field {
            name: "date",
            doc: "The day the report gives the status of.",
            need: Need::Required,
            ty: Type::Date,
        },
        Field {
            name: "meeting",
            doc: "The meeting the report is made for.",
            need: Need::Optional,
            ty: MEETING_NUMBER,
        },
        Field {
            name: "title",
            doc: "The report's title.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "overall",
            doc: "The overall status, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "phases",
            doc: "One row of traffic lights per phase.",
            need: Need::Optional,
            ty: Type::List(&Type::Map(&PHASE)),
        },
        Field {
            name: "timeline",
            doc: "The main deliverables on a timeline.",
            need: Need::Optional,
            ty: Type::Map(&TIMELINE),
        },
        Field {
            name: "key_risks",
            doc: "The ids of the risks the report names as key.",
            need: Need::Optional,
            ty: Type::List(&Type::Number {
                min: 1,
                max: 1_000_000,
            }),
        },
        Field {
            name: "dependencies",
            doc: "Dependencies, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "focus",
            doc: "The focus ahead, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "communication",
            doc: "Communication, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "involvement",
            doc: "Involvement, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "value",
            doc: "Value realised, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
        Field {
            name: "projects",
            doc: "The projects, in Markdown.",
            need: Need::Optional,
            ty: Type::Text,
        },
    ],
};

pub const PHASE: Table = Table {
    what: "phase",
    fields: &[
        Field {
            name: "phase",
            doc: "The phase's name.",
            need: Need::Required,
            ty: Type::Text,
        },
        Field {
            name: "progress",
            doc: "The progress light.",
            need: Need::Required,
            ty: Type::OneOf(Light::NAMES),
        },
        Field {
            name: "economy",
            doc: "The economy light.",
            need: Need::Required,
            ty: Type::OneOf(Light::NAMES),
        },
        Field {
            name: "quality",
            doc: "The quality light.",
            need: Need::Required,
            ty: Type::OneOf(Light::NAMES),
        },
        Field {
            name: "risk",
            doc: "The risk light.",
            need: Need::Required,
            ty: Type::OneOf(Light::NAMES),
        },
        Field {
            name: "comment",
            doc: "A comment on the phase.",
            need: Need::Optional,
            ty: Type::Text,
        },
    ],
};

pub const TIMELINE: Table = Table {
    what: "timeline",
    fields: &[
        Field {
            name: "from",
            doc: "The first year shown.",
            need: Need::Required,
            ty: Type::Number {
                min: 1900,
                max: 2999,
            },
        },
        Field {
            name: "to",
            doc: "The last year shown.",
            need: Need::Required,
            ty: Type::Number {
                min: 1900,
                max: 2999,
            },
        },
        Field {
            name: "projects",
            doc: "One bar per deliverable.",
            need: Need::Optional,
            ty: Type::List(&Type::Map(&TIMELINE_ROW)),
        },
    ],
};

pub const TIMELINE_ROW: Table = Table {
    what: "timeline row",
    fields: &[
        Field {
            name: "name",
            doc: "The deliverable's name.",
            need: Need::Required,
            ty: Type::Text,
        },
        Field {
            name: "from",
            doc: "The day it starts.",
            need: Need::Required,
            ty: Type::Date,
        },
        Field {
            name: "to",
            doc: "The day it ends.",
            need: Need::Required,
            ty: Type::Date,
        },
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
                let from = g.take(ctx, "from").and_then(|n| date(ctx, n));
                let to = g.take(ctx, "to").and_then(|n| date(ctx, n));
                g.finish(ctx);
                Some(TimelineRow {
                    name: name?,
                    from: from?.value,
                    to: to?.value,
                })
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

//! `pds render pack 7/2021` regenerates the seed board pack: every fact of the
//! seed document, in the seed's order, with the pictures as pictures.
#![expect(clippy::panic, reason = "a panic is how a test fails")]

mod common;
use common::*;

/// Phrases of the seed, in the order the seed prints them.
const SEED_ORDER: &[&str] = &[
    // Notice
    "Møteinnkalling",
    "Merete Lyngstad, Norsk Sykepleierforbund",
    "01.12.2021, kl. 13.00 – 15.00",
    "Lucie Aunan, Direktoratet for e-helse",
    // 45/21's title cell: the title, then "Norsk Helsenett SF", then the description
    "NILAR innbyggerperspektiv",
    "Norsk Helsenett SF",
    "Tilslutning til leveranseplan for innbyggerperspektivet i NILAR",
    "46-21 Drifts- og forvaltningskostnader som følge av leveranser fra PDS",
    // 42/21: status report
    "Status | PDS Steg 1 - totalen",
    "Forprosjekt steg 2 ligger på plan – stram tidslinje",
    "Prognose for 2021 tilsier et underforbruk på 93 mill. kroner",
    "Risiko for at anbefalt løsning for NILAR mangler rettsgrunnlag",
    "Avventer formell tilbakemelding fra HOD",
    "Utprøving vurderes i disse dager om kan løses innenfor gjeldende rett",
    "EHiN-panel i regi av KS",
    "Positive arbeidsmøter i programstyret",
    "Programmet er i overgang planlegging/gjennomføring",
    "API-katalog og utviklerportal har positiv utvikling",
    // Risk register. The source prints "Programrisiko pr 2.6" on its page 3,
    // beside the phase table; the pack heads the register with it, so it
    // stands here, before the risk page's first sentence.
    "Programrisiko pr 2.6",
    "Oversikten i tabellen til høyre omfatter de mest kritiske risikoene i programmet med nærhet i tid.",
    "Uklare rolle- og ansvarsforhold kan gi ineffektiv samarbeid mellom e-helse og NHN",
    "Etablering av operativ styringsgruppe for prosjektene gjennomført september 21",
    "Direktoratet har oversendt forslag til videreutvikling av nasjonal styringsmodell til HOD.",
    "Felles tillitsmodell utarbeidet i 2020 som målbilde",
    "HOD jobber mot politiske ledelse for å få plass et lovarbeid.",
    "Koordineringsmøte annenhver uke med NHN",
    "Ha plan og prosess for viktig beslutninger.",
    "Avvente resultatet av NHN sin prosess med spesialisthelsetjenesten",
    "Gjennomføre GAP analyse mellom dagens standard/informasjonsmodell og IPS",
    // Orienteringssaker
    "Orientering om status på styringsdokument etter utsendelse av v1.0 den 31. okt.",
    "Orientering om rutine for endringer samarbeidsgruppene og vedlikehold av deltakeroversikt.",
    // Overviews of the board's cases, Q1–Q4
    "Oversikt saker programstyremøter 1. kvartal",
    "12.02.2021 – Møte #1",
    "Velkommen og presentasjon av deltagere",
    // The two 5/21, "Plan for prosjektene …" first
    "Plan for prosjektene Tillitstjenester, API og Grunndata og Nasjonal informasjonstjeneste",
    "Kommunikasjonsstrategi og valg av navn for programmet",
    "Møteplan inneværende år",
    "Det har beklageligvis oppstått sekvensfeil i saksnummerrekken",
    "Oversikt saker programstyremøter 2. kvartal",
    "Presentasjon av reestimat for Steg 1 v/Norsk Helsenett",
    "Operasjonell styring av prosjekt TAG og NILAR",
    "Oversikt saker programstyremøter 3. kvartal",
    "Forslag til revidering av leveranseplan",
    "Oversikt saker programstyremøter 4. kvartal",
    "Prinsipper for gjennomføringsstrategi og styringsmodell for steg 2",
    // Forum overviews 2021 and 2022
    "Første kvartal 2021",
    "NUFA 27. og 28. januar",
    "Andre kvartal 2021",
    "Ekstra NEHS 6. mai",
    "NAFI",
    "Tredje kvartal 2021",
    "Innføring av dokumentdeling gjennom kjernejournal",
    "Fjerde kvartal 2021",
    "Strategi for informasjonssikkerhet og personvern for PDS",
    "Første kvartal 2022",
    "Nasjonalt e-helsestyre 30. mars",
    "Andre kvartal 2022",
    // 43/21, 45/21, 46/21 with their proposed decisions and footnotes
    "Programstyret tilslutter sentralt styringsdokument for steg 2, utvalgte tema, med innspillene gitt i møte.",
    "Forprosjektet for steg 2 i program digital samhandling skal ferdigstille sentralt styringsdokument",
    "Figur 8",
    "Programstyret gir sin tilslutning til utvikling og test av de innbyggerrettede tjenestene i Helsenorge",
    "I utkastet til OA2 er det nå beregnet et estimat på 12,5 MNOK.",
    // 46/21's own heading, its full title
    "Drifts- og forvaltningskostnader som følge av leveranser fra program digital samhandling",
    "Programstyret ber prosjektet ta med seg innspill gitt i møtet i det videre arbeidet.",
    "NHN rapporterer endringer til drifts og forvaltningskostander til TBU i henhold til TBUs rutiner.",
    "Prop. 1 S (2020-2021)",
    "Sak i NUIT 24/21 – 15.09.2021",
];

fn pack(format: &str) -> String {
    let out = pds(&[
        "--repo", "cases", "render", "pack", "7/2021", "--format", format,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

fn in_order(text: &str, what: &str) {
    let mut from = 0;
    for phrase in SEED_ORDER {
        let Some(at) = text[from..].find(phrase) else {
            let anywhere = text.contains(phrase);
            panic!(
                "{what}: {phrase:?} {}",
                if anywhere {
                    "is out of the seed's order"
                } else {
                    "is missing"
                }
            );
        };
        from += at + phrase.len();
    }
}

#[test]
fn the_html_pack_holds_the_seeds_facts_in_the_seeds_order() {
    let html = pack("html")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    in_order(&html, "html");
}

#[test]
fn the_markdown_pack_holds_the_seeds_facts_in_the_seeds_order() {
    let md = pack("md")
        .replace("\\#", "#")
        .replace("\\*", "*")
        .replace("\\|", "|");
    in_order(&md, "md");
}

#[test]
fn the_html_pack_draws_the_risk_matrix_the_lights_and_the_timeline() {
    let html = pack("html");
    // No risk of the record has a probability and a consequence (the
    // source's matrix is a picture): a sentence stands in the matrix's place.
    assert_eq!(html.matches("<svg class=\"risk-matrix\"").count(), 0);
    assert!(html
        .contains("<p class=\"no-matrix\">Ingen risiko har fått både sannsynlighet og konsekvens"));
    // One phase row: progress, economy, quality, risk.
    assert_eq!(html.matches("<svg class=\"light\"").count(), 4);
    assert!(
        html.contains("</svg> gul</td>"),
        "progress and risk are yellow"
    );
    assert!(
        html.contains("</svg> grønn</td>"),
        "economy and quality are green"
    );
    assert_eq!(html.matches("<svg class=\"timeline\"").count(), 1);
    for project in ["Forprosjekt steg 2", "NILAR", "TAG"] {
        assert!(
            html.contains(&format!(">{project}</text>")),
            "{project} on the timeline"
        );
    }
}

#[test]
fn every_overview_row_and_forum_item_is_in_the_pack_once() {
    let md = pack("md");
    for n in (1..=40).filter(|n| *n != 8) {
        let rows = md
            .lines()
            .filter(|l| l.starts_with(&format!("| {n}/21")))
            .count();
        let expected = if n == 5 || n == 22 { 2 } else { 1 };
        assert_eq!(rows, expected, "overview rows of {n}/21");
    }
    // Cases 41–47 appear in the notice and in the Q4 overview.
    for n in 41..=47 {
        let rows = md
            .lines()
            .filter(|l| l.starts_with(&format!("| {n}/21 ")))
            .count();
        assert_eq!(rows, 2, "{n}/21: agenda row and overview row");
    }
    assert_eq!(
        md.matches("| -- | -- |").count(),
        6,
        "forum meetings without items"
    );
    // The numbering note under each quarter with starred rows: Q1 (5/21, 9/21)
    // and Q2 (22/21). The source prints it once, on its Q1 page, where its Q2
    // pages show 22/21 twice without a note.
    assert_eq!(
        md.matches("Det har beklageligvis oppstått sekvensfeil")
            .count(),
        2
    );
}

/// What the record once said that the source does not: none of it is in
/// the pack.
const INVENTED: &[&str] = &[
    // Owners (Sakseier) of 43/21, 45/21 and 46/21: the source gives none.
    "| **Sakseier** | Forprosjekt steg 2 |",
    "| **Sakseier** | Norsk Helsenett SF |",
    "| **Sakseier** | Program digital samhandling |",
    // A type for Eventuelt, in the notice and in the overviews.
    "| 47/21 | Eventuelt |  |  | Orientering |",
    "| Orientering | Eventuelt |",
    // Bars of the deliverables, in Markdown.
    "■",
];

#[test]
fn the_pack_holds_nothing_the_source_does_not_say() {
    let md = pack("md");
    for invented in INVENTED {
        assert!(!md.contains(invented), "the pack says {invented:?}");
    }
    let html = pack("html");
    let timeline = html
        .split("<svg class=\"timeline\"")
        .nth(1)
        .and_then(|t| t.split("</svg>").next())
        .unwrap_or_else(|| panic!("no timeline"));
    assert!(!timeline.contains("<rect"), "a bar on the timeline");
    // Four case documents, no owner in any of them.
    assert_eq!(
        html.matches("<th scope=\"row\">Sakseier</th><td></td>")
            .count(),
        4
    );
}

//! `--format xlsx` and `--out`: every workbook is read back with calamine and its main sheet
//! compared, cell by cell, with the `--format csv --raw-csv` output of the same command (the
//! CSV's leading `'` against formulas is a CSV matter: a workbook stores text as text).

use std::io::{Cursor, Read as _};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use crate::common::{cmd, example_path, fixture_path, path};

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team").join(name).to_str().unwrap().to_string()
}

fn hostile(name: &str) -> String {
    fixture_path(&format!("hostile/{name}"))
}

const DVLA_SCALE: [&str; 4] = ["awareness", "working", "practitioner", "expert"];

/// `pm-skills ARGS --format xlsx` into a pipe: the workbook's bytes, after checking that the same
/// command with `--out FILE` writes the same bytes to the file and nothing on stdout.
fn workbook(args: &[&str]) -> Vec<u8> {
    let piped = cmd().args(args).args(["--format", "xlsx"]).output().unwrap();
    assert!(piped.status.success(), "{args:?}: {}", String::from_utf8_lossy(&piped.stderr));
    assert!(piped.stdout.starts_with(b"PK\x03\x04"), "{args:?}: a zip file");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.xlsx");
    let written = cmd().args(args).args(["--format", "xlsx", "--out", path(&file)]).output().unwrap();
    assert!(written.status.success(), "{args:?}: {}", String::from_utf8_lossy(&written.stderr));
    assert!(written.stdout.is_empty(), "{args:?}: --out leaves stdout empty");
    assert_eq!(std::fs::read(&file).unwrap(), piped.stdout, "{args:?}: --out and a pipe give the same bytes");
    piped.stdout
}

/// `pm-skills ARGS --format csv --raw-csv`, as records.
fn csv_records(args: &[&str]) -> Vec<Vec<String>> {
    let out = cmd().args(args).args(["--format", "csv", "--raw-csv"]).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.stdout.as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("calamine reads the workbook")
}

/// Every sheet's cells, by name, in order.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book = open(bytes);
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            assert_eq!(range.start().unwrap_or((0, 0)), (0, 0), "{name} starts at A1");
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

fn sheet<'a>(all: &'a [(String, Vec<Vec<Data>>)], name: &str) -> &'a [Vec<Data>] {
    &all.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no sheet {name}: {:?}", names(all))).1
}

fn names(all: &[(String, Vec<Vec<Data>>)]) -> Vec<&str> {
    all.iter().map(|(n, _)| n.as_str()).collect()
}

/// A file of the workbook's zip, as text.
fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = zip.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    Some(text)
}

/// The text of a cell as the CSV writes it: numbers in Rust's shortest form, yes/no as words.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => panic!("unexpected cell {other:?}"),
    }
}

/// Compares a sheet with CSV records: the same header and cells, a `<column>_rank` beside each
/// of `ranked` (the rank of its step on `scale`, empty where the cell is), text as text however
/// it reads, counts as numbers, yes/no as booleans. A column of levels shows their names, with the
/// CSV's ids in the `<column>_id` beside it. Returns how many rank cells were checked.
fn assert_sheet_is_csv(rows: &[Vec<Data>], csv: &[Vec<String>], ranked: &[&str], scale: &[&str]) -> usize {
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let named = |column: &str| header.contains(&format!("{column}_id"));
    let mut want = Vec::new();
    for column in &csv[0] {
        want.push(column.clone());
        if ranked.contains(&column.as_str()) {
            want.push(format!("{column}_rank"));
        }
        if named(column) {
            want.push(format!("{column}_id"));
        }
    }
    assert_eq!(header, want, "the header is the CSV's, with rank and id columns");
    assert_eq!(rows.len(), csv.len(), "one row per CSV row");
    let mut checked = 0;
    for (r, (row, record)) in rows.iter().zip(csv).enumerate().skip(1) {
        let mut cells = row.iter();
        for (column, value) in csv[0].iter().zip(record) {
            let mut cell = cells.next().unwrap_or(&Data::Empty);
            if named(column) {
                assert!(matches!(cell, Data::String(_)) || value.is_empty(), "row {r} {column}: a name, {cell:?}");
                cell = cells.next().unwrap_or(&Data::Empty);
            }
            match cell {
                Data::Float(n) => assert_eq!(n.to_string(), *value, "row {r} {column}"),
                Data::Bool(b) => assert_eq!(b.to_string(), *value, "row {r} {column}"),
                Data::String(s) => assert!(!s.is_empty() && s == value, "row {r} {column}: {s:?} against {value:?}"),
                Data::Empty => assert!(value.is_empty(), "row {r} {column}: empty against {value:?}"),
                other => panic!("row {r} {column}: {other:?}"),
            }
            if ranked.contains(&column.as_str()) {
                let rank = cells.next().unwrap_or(&Data::Empty);
                match scale.iter().position(|s| s == value) {
                    Some(i) => assert_eq!(rank, &Data::Float((i + 1) as f64), "row {r} {column}_rank"),
                    None => assert!(value.is_empty() && *rank == Data::Empty, "row {r} {column}: {value:?} {rank:?}"),
                }
                checked += 1;
            }
        }
        assert!(cells.all(|c| *c == Data::Empty), "row {r}: no cells past the CSV's");
    }
    checked
}

/// Each column of a sheet holds one type of cell (besides empty ones): all text, all numbers or
/// all yes/no, but for the columns named in `mixed` (a team's gaps: a number, or `unassessed`).
fn assert_one_type_per_column(rows: &[Vec<Data>], mixed: &[&str]) {
    let kind = |cell: &Data| match cell {
        Data::Empty => None,
        Data::String(_) => Some("text"),
        Data::Float(_) | Data::Int(_) => Some("number"),
        Data::Bool(_) => Some("yes/no"),
        other => panic!("unexpected cell {other:?}"),
    };
    for (c, name) in rows[0].iter().map(text).enumerate() {
        if mixed.contains(&name.as_str()) {
            continue;
        }
        let mut kinds: Vec<&str> = rows[1..].iter().filter_map(|row| row.get(c).and_then(kind)).collect();
        kinds.dedup();
        assert!(kinds.len() <= 1, "column {name} holds {kinds:?}");
    }
}

/// The CSV of a team (`gap` of several people) as its workbook's main sheet heads it: a skill's
/// column by the skill's name, not its id (the Skills sheet pairs them). Other reports' CSV as is.
fn headed_by_names(args: &[&str]) -> Vec<Vec<String>> {
    let mut csv = csv_records(args);
    let json = crate::common::json(args);
    if let (Some(skills), true) = (json["skills"].as_array(), json["people"].is_array()) {
        for column in &mut csv[0] {
            if let Some(s) = skills.iter().find(|s| s["skill"]["id"] == column.as_str()) {
                *column = s["skill"]["name"].as_str().unwrap().to_string();
            }
        }
    }
    csv
}

/// No cell of any sheet holds a formula.
fn assert_no_formulas(bytes: &[u8]) {
    let mut book = open(bytes);
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{name} has a formula");
    }
    for i in 1..=8 {
        if let Some(xml) = part(bytes, &format!("xl/worksheets/sheet{i}.xml")) {
            assert!(!xml.contains("<f>") && !xml.contains("<f "), "sheet{i}.xml has a formula");
        }
    }
}

/// The main sheet's treatment: frozen header row, a filter over the table.
fn assert_frozen_and_filtered(bytes: &[u8], sheet: usize) {
    let xml = part(bytes, &format!("xl/worksheets/sheet{sheet}.xml")).unwrap();
    assert!(xml.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#), "{xml}");
    assert!(xml.contains("<autoFilter ref=\"A1:"), "{xml}");
    assert!(xml.contains("<col "), "the columns are fitted: {xml}");
}

fn assert_radar(bytes: &[u8], series: usize) {
    let chart = part(bytes, "xl/charts/chart1.xml").expect("a chart");
    assert!(chart.contains("<c:radarChart>"), "{chart}");
    assert_eq!(chart.matches("<c:ser>").count(), series, "{chart}");
    assert!(chart.contains("<c:f>Radar!$B$2:$B$"), "the values are the Radar sheet's cells: {chart}");
    // Every reference is to a cell of the Radar sheet, the title's too: no text is read as one.
    let references: Vec<&str> = chart.split("<c:f>").skip(1).collect();
    assert_eq!(references.len(), 3 * series + 1, "{chart}");
    assert!(references.iter().all(|f| f.starts_with("Radar!$")), "{chart}");
}

#[test]
fn ladder_is_the_csv_with_ranks_and_a_radar_of_every_level() {
    let args = ["ladder"];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Ladder", "Radar"]);
    let levels = ["product-manager", "senior", "lead", "head"];
    let checked = assert_sheet_is_csv(sheet(&all, "Ladder"), &csv_records(&args), &levels, &DVLA_SCALE);
    assert_eq!(checked, 40, "every cell of the DVLA table has its rank");
    assert_frozen_and_filtered(&bytes, 1);
    assert_radar(&bytes, 4);
    let radar = sheet(&all, "Radar");
    assert_eq!(text(&radar[0][1]), "Product Manager");
    assert_eq!((text(&radar[1][0]), &radar[1][1]), ("Agile Working".to_string(), &Data::Float(3.0)));
    assert_no_formulas(&bytes);
}

#[test]
fn assert_sheet_is_csv_catches_a_wrong_rank() {
    let csv = vec![vec!["a".to_string()], vec!["working".to_string()]];
    let rows = vec![
        vec![Data::String("a".into()), Data::String("a_rank".into())],
        vec![Data::String("working".into()), Data::Float(3.0)],
    ];
    let wrong = std::panic::catch_unwind(|| assert_sheet_is_csv(&rows, &csv, &["a"], &DVLA_SCALE));
    assert!(wrong.is_err(), "a rank of 3 for `working` is caught");
    let rows = vec![rows[0].clone(), vec![Data::String("working".into()), Data::Float(2.0)]];
    assert_eq!(assert_sheet_is_csv(&rows, &csv, &["a"], &DVLA_SCALE), 1);
}

#[test]
fn ladder_behaviours_get_a_sheet_ranked_on_their_own_scale() {
    let data = example_path("custom-ladder");
    let args = ["--data", &data, "--role", "designer", "ladder"];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Ladder", "Behaviours", "Radar"]);
    let json = crate::common::json(&args);
    let scale: Vec<&str> = json["scale"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    let levels: Vec<&str> = json["levels"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_sheet_is_csv(sheet(&all, "Ladder"), &csv_records(&args), &levels, &scale);
    let behaviours = sheet(&all, "Behaviours");
    let rows = json["behaviours"].as_array().unwrap();
    assert_eq!(behaviours.len(), rows.len() + 1);
    for (row, want) in behaviours.iter().skip(1).zip(rows) {
        assert_eq!(text(&row[0]), want["soft_skill"]["id"].as_str().unwrap());
        for (i, cell) in want["cells"].as_array().unwrap().iter().enumerate() {
            assert_eq!(text(&row[2 + 2 * i]), cell["id"].as_str().unwrap_or(""));
            let rank = cell["rank"].as_f64().map_or(Data::Empty, Data::Float);
            assert_eq!(row[3 + 2 * i], rank, "{} at {}", want["soft_skill"]["id"], levels[i]);
        }
    }
}

#[test]
fn diff_has_from_and_to_ranks_and_a_radar_of_both_levels() {
    let args = ["diff", "product-manager", "senior"];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Diff", "Radar"]);
    let checked = assert_sheet_is_csv(sheet(&all, "Diff"), &csv_records(&args), &["from", "to"], &DVLA_SCALE);
    assert_eq!(checked, 20);
    // The change is a number to sort on.
    assert_eq!(sheet(&all, "Diff")[1][8], Data::Float(2.0));
    assert_frozen_and_filtered(&bytes, 1);
    assert_radar(&bytes, 2);
    assert_no_formulas(&bytes);
}

#[test]
fn diff_across_roles_and_along_a_path() {
    let data = example_path("career-map");
    let across = ["--data", &data, "diff", "analyst/analyst", "engineer/engineer"];
    let scale = ["aware", "working", "skilled", "expert"];
    let bytes = workbook(&across);
    let all = sheets(&bytes);
    let checked = assert_sheet_is_csv(&all[0].1, &csv_records(&across), &["from", "to"], &scale);
    assert_eq!(checked, 8);
    // A skill only one side expects has an empty rank on the other.
    let coding = all[0].1.iter().find(|row| text(&row[2]) == "coding").unwrap();
    assert_eq!((&coding[5], &coding[7]), (&Data::Empty, &Data::Float(2.0)));

    let path = ["diff", "product-manager", "head", "--path"];
    let bytes = workbook(&path);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Path", "Radar"]);
    let checked = assert_sheet_is_csv(sheet(&all, "Path"), &csv_records(&path), &["from", "to"], &DVLA_SCALE);
    assert_eq!(checked, 2 * 10 * 4, "three steps and the net, ten skills each");
    assert_radar(&bytes, 4);
}

#[test]
fn gap_of_one_person_has_ranks_and_a_radar() {
    let priya = example("priya.yaml");
    let args = ["gap", "--profile", &priya];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Gap", "Radar"]);
    let checked = assert_sheet_is_csv(sheet(&all, "Gap"), &csv_records(&args), &["have", "need"], &DVLA_SCALE);
    assert_eq!(checked, 20);
    assert_radar(&bytes, 2);
    assert_frozen_and_filtered(&bytes, 1);
    assert_no_formulas(&bytes);
}

/// The growth reports: check-ins over time, a review beside a self-assessment, and a plan.
#[test]
fn progress_review_and_plan_have_ranks_beside_every_proficiency() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/growth");
    let (march, june) = (format!("{root}/checkins/2026-03-02.yaml"), format!("{root}/checkins/2026-06-01.yaml"));
    let review = format!("{root}/review-2026-06-03.yaml");

    let args = ["progress", &march, &june];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Progress"]);
    let ranked = ["need", "2026-03-02", "2026-06-01"];
    // Ten skills, each with a need and two check-ins (the one March left blank has an empty rank).
    assert_eq!(assert_sheet_is_csv(sheet(&all, "Progress"), &csv_records(&args), &ranked, &DVLA_SCALE), 30);
    assert_frozen_and_filtered(&bytes, 1);
    assert_no_formulas(&bytes);

    let args = ["gap", "--profile", &june, "--review", &review];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Review", "Radar"]);
    let ranked = ["need", "self_have", "reviewer_have"];
    assert_eq!(assert_sheet_is_csv(sheet(&all, "Review"), &csv_records(&args), &ranked, &DVLA_SCALE), 30);
    assert_radar(&bytes, 3);
    assert_no_formulas(&bytes);

    let args = ["plan", "--profile", &june];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Plan"]);
    assert_eq!(assert_sheet_is_csv(sheet(&all, "Plan"), &csv_records(&args), &["have", "need"], &DVLA_SCALE), 20);
    assert_frozen_and_filtered(&bytes, 1);
    assert_no_formulas(&bytes);
}

#[test]
fn a_team_gets_its_matrix_people_skills_and_a_heat_map() {
    let team = example_path("mixed-team");
    let args = ["gap", "--team", &team, "--to", "senior"];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(names(&all), ["Team", "People", "Skills", "Heat map"]);
    assert_sheet_is_csv(sheet(&all, "Team"), &headed_by_names(&args), &[], &DVLA_SCALE);
    let json = crate::common::json(&args);
    let people = json["people"].as_array().unwrap();
    let rows = sheet(&all, "People");
    assert_eq!(rows.len(), people.len() + 1);
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name}: {header:?}"));
    for (row, p) in rows.iter().skip(1).zip(people) {
        assert_eq!(text(&row[at("person")]), p["person"]["name"].as_str().unwrap());
        // Levels by name, the id beside.
        assert_eq!(text(&row[at("level")]), p["person"]["level"]["name"].as_str().unwrap());
        assert_eq!(text(&row[at("target")]), p["target"]["name"].as_str().unwrap());
        assert_eq!(text(&row[at("target_id")]), p["target"]["id"].as_str().unwrap());
        assert_eq!(row[at("steps_to_grow")], Data::Float(p["readiness"]["steps_to_grow"].as_f64().unwrap()));
        assert_eq!(row[at("ready")], Data::Bool(p["readiness"]["ready"].as_bool().unwrap()));
    }
    assert_one_type_per_column(rows, &[]);
    let skills = json["skills"].as_array().unwrap();
    let rows = sheet(&all, "Skills");
    assert_eq!(text(&rows[0][3]), "need_rank");
    for (row, s) in rows.iter().skip(1).zip(skills) {
        assert_eq!(text(&row[0]), s["skill"]["id"].as_str().unwrap());
        assert_eq!(text(&row[2]), s["need"]["id"].as_str().unwrap());
        assert_eq!(row[3], Data::Float(s["need"]["rank"].as_f64().unwrap()));
    }
    // The heat map: people down, skill names across, the gaps (or `unassessed`) in each cell.
    let heat = sheet(&all, "Heat map");
    for (c, s) in skills.iter().enumerate() {
        assert_eq!(text(&heat[0][c + 1]), s["skill"]["name"].as_str().unwrap());
        for (r, p) in people.iter().enumerate() {
            assert_eq!(text(&heat[r + 1][0]), p["person"]["name"].as_str().unwrap());
            let want = s["gaps"][r].as_f64().map_or(Data::String("unassessed".into()), Data::Float);
            assert_eq!(heat[r + 1][c + 1], want, "{} {}", p["person"]["name"], s["skill"]["id"]);
        }
    }
    let xml = part(&bytes, "xl/worksheets/sheet4.xml").unwrap();
    assert_eq!(xml.matches("<cfRule ").count(), 6, "{xml}");
    assert!(xml.contains(r#"<cfRule type="containsText" dxfId="0" priority="1" stopIfTrue="1" operator="containsText" text="unassessed">"#), "{xml}");
    let styles = part(&bytes, "xl/styles.xml").unwrap();
    for colour in ["FFFFFFFF", "FFFDD8A8", "FFEE8636", "FF7A2A04"] {
        assert!(styles.contains(colour), "{colour}: {styles}");
    }
    assert!(styles.contains(r#"patternType="lightUp""#), "unassessed is hatched: {styles}");
    assert!(part(&bytes, "xl/charts/chart1.xml").is_none(), "a heat map, not a chart");
    assert_no_formulas(&bytes);

    // People across roles, each against their own target: a skill a target does not ask for is
    // `—`, in grey.
    let dir = tempfile::tempdir().unwrap();
    for (file, text) in [
        ("a.yaml", "name: Ada\nrole: analyst\nlevel: analyst\nskills:\n  research: practitioner\n  data: working\n"),
        ("b.yaml", "name: Dee\nrole: designer\nlevel: senior\nskills:\n  research: practitioner\n  design: working\n"),
    ] {
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    let map = example_path("career-map");
    let args = ["--data", &map, "gap", "--team", path(dir.path())];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_sheet_is_csv(sheet(&all, "Team"), &headed_by_names(&args), &[], &DVLA_SCALE);
    let json = crate::common::json(&args);
    let heat = sheet(&all, "Heat map");
    let mut not_asked = 0;
    for (c, s) in json["skills"].as_array().unwrap().iter().enumerate() {
        for r in 0..json["people"].as_array().unwrap().len() {
            let want = match (s["needs"][r].is_null(), s["gaps"][r].as_f64()) {
                (true, _) => Data::String("—".into()),
                (false, Some(gap)) => Data::Float(gap),
                (false, None) => Data::String("unassessed".into()),
            };
            not_asked += usize::from(want == Data::String("—".into()));
            assert_eq!(heat[r + 1][c + 1], want, "{r} {}", s["skill"]["id"]);
        }
    }
    assert!(not_asked > 0, "the mixed team has skills a target does not ask for");
    let xml = part(&bytes, "xl/worksheets/sheet4.xml").unwrap();
    assert!(xml.contains(r#"operator="containsText" text="—">"#), "{xml}");
}

/// A name such as `=HYPERLINK(…)` is stored as text, exactly, in every sheet; no cell anywhere is
/// a formula. The injection framework adds escapes and control characters, kept exact too.
#[test]
fn formulas_in_names_are_text_never_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.yaml");
    let name = r#"=HYPERLINK("http://x","y")"#;
    std::fs::write(
        &me,
        format!("name: '{name}'\nlevel: product-manager\nskills:\n  agile-working:\n    proficiency: expert\n    evidence: '@SUM(A1:A9)'\n"),
    )
    .unwrap();
    let args = ["gap", "--profile", path(&me)];
    let bytes = workbook(&args);
    let all = sheets(&bytes);
    assert_eq!(all[0].1[1][0], Data::String(name.into()));
    assert!(all[0].1.iter().any(|row| row.contains(&Data::String("@SUM(A1:A9)".into()))));
    assert_sheet_is_csv(&all[0].1, &csv_records(&args), &["have", "need"], &DVLA_SCALE);
    assert_no_formulas(&bytes);
    assert_radar(&bytes, 2);
    // A name a chart would read as a reference (`=(…`, `Sheet!A1`) is still only text.
    let odd = "=(1) Evil!A1";
    std::fs::write(&me, format!("name: '{odd}'\nlevel: product-manager\nskills:\n  user-focus: expert\n")).unwrap();
    let bytes = workbook(&["gap", "--profile", path(&me)]);
    assert_radar(&bytes, 2);
    let radar = sheets(&bytes).into_iter().find(|(n, _)| n == "Radar").unwrap().1;
    let title = format!("{odd} against Senior Product Manager, skill by skill");
    assert_eq!(radar[radar.len() - 1][0], Data::String(title));

    let data = hostile("injection");
    let (profile, twin) = (hostile("injection-profile.yaml"), hostile("injection-profile-twin.yaml"));
    let skill = r#"=HYPERLINK("http://evil.example","click")"#;
    for (args, ranked) in [
        (vec!["--data", &data, "ladder"], &["one", "two", "three"][..]),
        (vec!["--data", &data, "diff", "one", "three"], &["from", "to"]),
        (vec!["--data", &data, "gap", "-p", &profile, "--to", "three"], &["have", "need"]),
        (vec!["--data", &data, "gap", "-p", &profile, "-p", &twin, "--to", "three"], &[]),
    ] {
        let bytes = workbook(&args);
        let all = sheets(&bytes);
        assert_sheet_is_csv(&all[0].1, &headed_by_names(&args), ranked, &["low", "mid", "high"]);
        let everywhere = all.iter().flat_map(|(_, rows)| rows.iter().flatten());
        assert!(everywhere.clone().any(|c| *c == Data::String(skill.into())), "{args:?}");
        assert_no_formulas(&bytes);
    }
}

#[test]
fn the_same_report_gives_the_same_bytes_with_a_fixed_date() {
    let args = ["gap", "--team", "examples/team", "--to", "lead", "--format", "xlsx"];
    let run = || cmd().current_dir(env!("CARGO_MANIFEST_DIR")).args(args).output().unwrap().stdout;
    let first = run();
    assert_eq!(first, run());
    let core = part(&first, "docProps/core.xml").unwrap();
    assert!(
        core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    assert!(core.contains("<dc:title>Team against Lead Product Manager (2 people)</dc:title>"), "{core}");
}

/// Every command that writes a report writes a workbook of its records, and takes `--out`.
#[test]
fn every_report_command_writes_a_workbook_of_its_records() {
    let priya = example("priya.yaml");
    let (ladder, map) = (example_path("custom-ladder"), example_path("career-map"));
    let ada = example_path("career-team/ada.yaml");
    for args in [
        vec!["levels"],
        vec!["show", "senior"],
        vec!["skills"],
        vec!["skills", "user-focus"],
        vec!["soft-skills"],
        vec!["soft-skills", "resilience"],
        vec!["about"],
        vec!["frameworks"],
        vec!["validate", &ladder],
        vec!["--data", &map, "moves", "analyst"],
        vec!["--data", &map, "fit", "--profile", &ada],
        vec!["--data", &map, "route", "analyst", "designer/senior"],
        vec!["--data", &map, "route", "--profile", &ada, "designer/senior"],
    ] {
        let bytes = workbook(&args);
        let all = sheets(&bytes);
        assert_sheet_is_csv(&all[0].1, &csv_records(&args), &[], &[]);
        assert_frozen_and_filtered(&bytes, 1);
        assert_no_formulas(&bytes);
    }
    let only_gaps = ["gap", "-p", &priya, "--only-gaps"];
    let all = sheets(&workbook(&only_gaps));
    assert_sheet_is_csv(&all[0].1, &csv_records(&only_gaps), &["have", "need"], &DVLA_SCALE);
    // A report's title names its sheet when the report gives no name.
    assert_eq!(names(&sheets(&workbook(&["levels"]))), ["Product manager levels"]);
    assert_eq!(names(&sheets(&workbook(&["--data", &map, "fit", "-p", &ada])))[0], "Where Ada fits");
}

/// `--out FILE` writes exactly what stdout would get, in every format: a file is no terminal.
#[test]
fn out_writes_every_format_as_a_pipe_gets_it() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["table", "json", "yaml", "csv", "markdown", "html", "xlsx"] {
        let file = dir.path().join(format!("ladder.{format}"));
        let args = ["diff", "pm", "senior", "--format", format];
        let piped = cmd().args(args).output().unwrap();
        let out = cmd().args(args).args(["--out", path(&file)]).output().unwrap();
        assert!(out.status.success() && out.stdout.is_empty(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(std::fs::read(&file).unwrap(), piped.stdout, "{format}");
    }
    // `-` is standard output.
    let dash = cmd().args(["levels", "--out", "-", "--format", "csv"]).output().unwrap();
    assert_eq!(dash.stdout, cmd().args(["levels", "--format", "csv"]).output().unwrap().stdout);
}

#[test]
fn out_never_replaces_a_file_without_force_and_exit_codes_still_count() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gap.xlsx");
    std::fs::write(&file, "mine").unwrap();
    let priya = example("priya.yaml");
    let args = ["gap", "-p", &priya, "--format", "xlsx", "--exit-code", "--out", path(&file)];
    let refused = cmd().args(args).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("already exists; use --force to replace it"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"mine");
    let forced = cmd().args(args).arg("--force").output().unwrap();
    assert_eq!(forced.status.code(), Some(3), "--exit-code still reports the gaps");
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["gap.xlsx"], "no temporary file left behind");
    // --force means nothing without --out.
    let alone = cmd().args(["ladder", "--force"]).output().unwrap();
    assert_eq!(alone.status.code(), Some(2));
}

#[test]
fn a_failing_command_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gap.xlsx");
    let missing = dir.path().join("nobody.yaml");
    for args in [
        vec!["gap", "-p", path(&missing), "--format", "xlsx", "--out", path(&file)],
        vec!["diff", "pm", "senoir", "--format", "xlsx", "--out", path(&file)],
        vec!["show", "nobody", "--out", path(&file)],
    ] {
        let out = cmd().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "{args:?}: nothing written");
    }
    // A folder that is not there is named before any work.
    let nowhere = dir.path().join("no/such/folder/ladder.xlsx");
    let out = cmd().args(["ladder", "--format", "xlsx", "--out", path(&nowhere)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("there is no folder") && err.contains("no/such/folder"), "{err}");
}

#[test]
fn commands_with_an_output_of_their_own_refuse_xlsx() {
    for args in [vec!["schema"], vec!["profile", "new"], vec!["man"], vec!["completions", "bash"]] {
        let out = cmd().args(&args).args(["--format", "xlsx"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
    let help = String::from_utf8(cmd().args(["ladder", "--help"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("xlsx for a spreadsheet workbook"), "{help}");
    assert!(help.contains("--out <FILE>") && help.contains("--force"), "{help}");
}

/// A workbook is never written to a terminal: a usage error that says what to do, and nothing on
/// the screen. With `--out`, the terminal is not where it goes. `script` gives a pseudo-terminal.
#[test]
#[ignore = "needs script(1) from util-linux for a pseudo-terminal"]
fn a_workbook_is_refused_on_a_terminal() {
    let bin = assert_cmd::cargo::cargo_bin!("pm-skills");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ladder.xlsx");
    let on_terminal = |line: &str| {
        std::process::Command::new("script")
            .args(["-qec", line, "/dev/null"])
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .output()
            .expect("script(1) runs")
    };
    let refused = on_terminal(&format!("'{}' ladder --format xlsx; echo \"exit=$?\"", bin.display()));
    let screen = String::from_utf8(refused.stdout).expect("text on the terminal, not a workbook");
    assert!(screen.contains("exit=2"), "{screen}");
    assert!(screen.contains("--format xlsx writes a binary file, which a terminal cannot show"), "{screen}");
    assert!(screen.contains("--out FILE.xlsx") && screen.contains("> FILE.xlsx"), "{screen}");
    assert!(!screen.contains("PK"), "{screen}");
    let written =
        on_terminal(&format!("'{}' ladder --format xlsx --out '{}'; echo \"exit=$?\"", bin.display(), path(&file)));
    let screen = String::from_utf8(written.stdout).unwrap();
    assert_eq!(screen.trim(), "exit=0");
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
    // A text format sent to a file from a terminal is what a pipe gets: no colour, no wrapping,
    // though the same command on the terminal itself is coloured.
    let table = dir.path().join("ladder.txt");
    let line = format!("env -u NO_COLOR -u COLUMNS '{}' ladder --out '{}'", bin.display(), path(&table));
    assert!(on_terminal(&line).status.success());
    let piped = cmd().env_remove("COLUMNS").arg("ladder").output().unwrap().stdout;
    assert_eq!(std::fs::read(&table).unwrap(), piped);
    let coloured = on_terminal(&format!("env -u NO_COLOR '{}' ladder", bin.display())).stdout;
    assert!(coloured.contains(&0x1b), "the terminal itself gets colour");
}

/// The career-map framework, copied, with the analyst level renamed `2024` (id and name).
fn map_with_a_level_named_2024(dir: &Path) -> String {
    let data = dir.join("data");
    std::fs::create_dir_all(data.join("roles")).unwrap();
    let from = Path::new(&example_path("career-map")).to_path_buf();
    for file in ["framework.yaml", "skills.yaml", "roles/engineer.yaml", "roles/designer.yaml", "roles/analyst.yaml"] {
        let text = std::fs::read_to_string(from.join(file)).unwrap();
        let text = text.replace("  - id: analyst\n    name: Analyst\n", "  - id: '2024'\n    name: '2024'\n");
        std::fs::write(data.join(file), text).unwrap();
    }
    path(&data).to_string()
}

/// Text that reads as a number is text in a workbook, as in the CSV: people named `2024` and
/// `007`, a level named `2024`. Counts are numbers, yes/no are booleans, each column one
/// type, the team total's `ready` too.
#[test]
fn names_that_read_as_numbers_stay_text_and_every_column_has_one_type() {
    let dir = tempfile::tempdir().unwrap();
    let data = map_with_a_level_named_2024(dir.path());
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    let people = [
        (
            "2024.yaml",
            "name: '2024'\nlevel: '2024'\nskills:\n  research: practitioner\n  data: working\n  delivery: working\n",
        ),
        (
            "007.yaml",
            "name: '007'\nlevel: junior-analyst\ntarget: '2024'\nskills:\n  research: working\n  data: working\n  delivery: aware\n",
        ),
    ];
    for (file, text) in people {
        std::fs::write(team.join(file), text).unwrap();
    }
    let args = ["--data", &data, "gap", "--team", path(&team)];
    let csv = csv_records(&args);
    let person = |name: &str| csv.iter().find(|r| r[0] == name).unwrap_or_else(|| panic!("no {name}: {csv:?}"));
    let at = |column: &str| csv[0].iter().position(|h| h == column).unwrap();
    // Three roles: a level is `ROLE/LEVEL`.
    assert_eq!([&person("007")[at("target")], &person("2024")[at("level")]], ["analyst/2024", "analyst/2024"]);

    let all = sheets(&workbook(&args));
    let rows = sheet(&all, "Team");
    assert_sheet_is_csv(rows, &headed_by_names(&args), &[], &[]);
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name}: {header:?}"));
    let row = |name: &str| rows.iter().find(|r| r[0] == Data::String(name.into())).unwrap();
    let (text_2024, id) = (Data::String("2024".into()), Data::String("analyst/2024".into()));
    assert_eq!([&row("2024")[column("level")], &row("2024")[column("level_id")]], [&text_2024, &id]);
    assert_eq!([&row("007")[column("target")], &row("007")[column("target_id")]], [&text_2024, &id]);
    assert!(matches!(row("007")[column("total_gap")], Data::Float(_)), "a count is a number");
    assert_eq!(csv.last().unwrap()[at("ready")], "false", "the team is ready when everyone is");
    let ready: Vec<&Data> = rows[1..].iter().map(|r| &r[column("ready")]).collect();
    assert!(ready.iter().all(|c| matches!(c, Data::Bool(_))), "ready is a yes/no in every row: {ready:?}");
    // A skill's column is a number, or `unassessed`; every other column holds one type.
    let json = crate::common::json(&args);
    let skills: Vec<&str> =
        json["skills"].as_array().unwrap().iter().map(|s| s["skill"]["name"].as_str().unwrap()).collect();
    assert_one_type_per_column(rows, &skills);
    assert_one_type_per_column(sheet(&all, "People"), &[]);
    assert_one_type_per_column(sheet(&all, "Skills"), &[]);

    // One person: their name and their target's id are text too.
    let me = team.join("2024.yaml");
    let args = ["--data", &data, "gap", "-p", path(&me), "--to", "2024"];
    let all = sheets(&workbook(&args));
    let rows = sheet(&all, "Gap");
    assert_sheet_is_csv(rows, &csv_records(&args), &["have", "need"], &["aware", "working", "practitioner", "expert"]);
    assert_eq!((&rows[1][0], &rows[1][1]), (&text_2024, &text_2024));
    assert_one_type_per_column(rows, &[]);
}

/// The team workbook's main sheet is headed by skill names, the Skills sheet pairs each name with
/// its id, and levels show their names with their ids beside them.
#[test]
fn a_team_workbook_reads_in_names_with_the_ids_beside_them() {
    let team = example_path("mixed-team");
    let args = ["gap", "--team", &team];
    let all = sheets(&workbook(&args));
    let json = crate::common::json(&args);
    let rows = sheet(&all, "Team");
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let skills = json["skills"].as_array().unwrap();
    for s in skills {
        let (id, name) = (s["skill"]["id"].as_str().unwrap(), s["skill"]["name"].as_str().unwrap());
        assert!(header.iter().any(|h| h == name) && !header.iter().any(|h| h == id), "{name} not {id}: {header:?}");
    }
    let pairs = sheet(&all, "Skills");
    assert_eq!(text(&pairs[0][0]), "skill_id");
    assert_eq!(text(&pairs[0][1]), "skill_name");
    for (row, s) in pairs[1..].iter().zip(skills) {
        assert_eq!(
            (text(&row[0]), text(&row[1])),
            (s["skill"]["id"].to_string().trim_matches('"').into(), s["skill"]["name"].as_str().unwrap().into())
        );
    }
    let (target, target_id) =
        (header.iter().position(|h| h == "target").unwrap(), header.iter().position(|h| h == "target_id").unwrap());
    assert_eq!(target_id, target + 1);
    for (row, p) in rows[1..].iter().zip(json["people"].as_array().unwrap()) {
        assert_eq!(text(&row[target]), p["target"]["name"].as_str().unwrap());
        assert_eq!(text(&row[target_id]), p["target"]["id"].as_str().unwrap());
    }
    let total = rows.last().unwrap();
    assert_eq!(total[0], Data::String("(team total)".into()));
    assert_eq!((&total[target], &total[target_id]), (&Data::Empty, &Data::Empty));
}

/// The Radar sheet's key names every step of the scale, those no row uses too.
#[test]
fn the_radar_key_names_every_step_of_the_scale() {
    let map = example_path("career-map");
    let ada = example_path("career-team/ada.yaml");
    let json = crate::common::json(&["--data", &map, "gap", "-p", &ada]);
    let used: std::collections::BTreeSet<&str> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| [r["have"]["name"].as_str(), r["need"]["name"].as_str()])
        .flatten()
        .collect();
    let scale = ["Aware", "Working", "Practitioner", "Expert"];
    assert!(scale.iter().any(|s| !used.contains(s)), "a step no row uses: {used:?}");
    for args in [
        vec!["--data", &map, "gap", "-p", &ada],
        vec!["--data", &map, "show", "analyst/junior-analyst"],
        vec!["--data", &map, "diff", "junior-analyst", "analyst"],
        vec!["--data", &map, "diff", "junior-analyst", "lead-analyst", "--path"],
    ] {
        let all = sheets(&workbook(&args));
        let radar = sheet(&all, "Radar");
        let key = radar[0].iter().position(|c| *c == Data::String("step".into())).expect("a key");
        let steps: Vec<String> = radar[1..=scale.len()].iter().map(|r| text(&r[key])).collect();
        assert_eq!(steps, scale, "{args:?}");
        let ranks: Vec<Data> = radar[1..=scale.len()].iter().map(|r| r[key - 1].clone()).collect();
        assert_eq!(ranks, [1.0, 2.0, 3.0, 4.0].map(Data::Float), "{args:?}");
    }
}

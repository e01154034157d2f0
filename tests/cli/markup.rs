//! Names that are HTML (`tests/fixtures/hostile/markup/`): every HTML report and every page of the
//! site shows them as text, escaped in text and in attributes, and never as markup. The pages are
//! read tag by tag, so a name that got in raw shows up as an element or an attribute that pm-skills
//! never writes, wherever it landed.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{fixture_path, stdout};
use crate::site::{allowed_web_links, attributes, build, check_site, tree};

/// Every element pm-skills writes, in a report or on the site: any other came from the data.
const ELEMENTS: &str = "\
    a body br caption circle code dd defs desc dl dt figcaption figure footer form g h1 h2 h3 h4 h5 \
    h6 head header html input label li line link main meta nav ol p path pattern polygon pre rect \
    script section span strong style svg table tbody td text th thead title tr tspan ul
";

/// Every attribute pm-skills writes; none is an event handler.
const ATTRIBUTES: &str = "\
    action aria-current aria-label aria-labelledby autocomplete charset class content cx cy d \
    data-root defer dy fill fill-opacity for height hidden href http-equiv id lang name \
    patternTransform patternUnits points r rel role scope spellcheck src stroke stroke-dasharray \
    stroke-linejoin stroke-width text-anchor transform type viewBox width x x1 x2 xmlns y y1 y2
";

/// Names from the fixture as they are typed, and as a page must write them.
const ESCAPED: &[(&str, &str)] = &[
    (
        "<script>alert('name')</script> & \"Co\"",
        "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; &quot;Co&quot;",
    ),
    ("1 \"><img src=x onerror=alert(1)>", "1 &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
    ("Two \"><script>alert(2)</script>", "Two &quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"),
    ("<script>console.error('xss')</script>", "&lt;script&gt;console.error(&#39;xss&#39;)&lt;/script&gt;"),
    (
        "<img src=x onerror=\"console.error('xss')\">",
        "&lt;img src=x onerror=&quot;console.error(&#39;xss&#39;)&quot;&gt;",
    ),
    ("<svg onload=alert(1)>", "&lt;svg onload=alert(1)&gt;"),
    ("Other </a> role", "Other &lt;/a&gt; role"),
    (
        "<iframe src=\"https://evil.example\"></iframe>",
        "&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;",
    ),
    (
        "An attribute \" onmouseover=\"alert(1) breaks out.",
        "An attribute &quot; onmouseover=&quot;alert(1) breaks out.",
    ),
    // An entity typed in the data is text too: written so that it reads as typed.
    ("Entities &lt; &amp; &#60;", "Entities &amp;lt; &amp;amp; &amp;#60;"),
    ("<marquee>Tagging</marquee>", "&lt;marquee&gt;Tagging&lt;/marquee&gt;"),
    (
        "<b>Mallory</b> & \"Eve\" <script>alert('me')</script>",
        "&lt;b&gt;Mallory&lt;/b&gt; &amp; &quot;Eve&quot; &lt;script&gt;alert(&#39;me&#39;)&lt;/script&gt;",
    ),
    ("Trent <i>&amp;</i> \"T\"", "Trent &lt;i&gt;&amp;amp;&lt;/i&gt; &quot;T&quot;"),
    (
        "Shipped <script>alert('evidence')</script> & \"more\"",
        "Shipped &lt;script&gt;alert(&#39;evidence&#39;)&lt;/script&gt; &amp; &quot;more&quot;",
    ),
];

/// Whether `name` is one of the words of `list`.
fn listed(list: &str, name: &str) -> bool {
    list.split_whitespace().any(|word| word == name)
}

/// An element of a page: its name and its attributes, values decoded.
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// `text` with the five entities pm-skills writes decoded, `&amp;` last.
fn decode(text: &str) -> String {
    text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The elements of `page` in order, and the text between them, decoded. pm-skills escapes `<` and
/// `>` wherever text goes (attribute values included), so every `<` starts a tag and the first `>`
/// after it ends it; a stylesheet or a script is skipped whole. A tag that does not read as
/// `name attr="value" …` fails the test.
fn read(page: &str) -> (Vec<Tag>, String) {
    let (mut tags, mut text) = (Vec::new(), String::new());
    let mut rest = page;
    while let Some(start) = rest.find('<') {
        text.push_str(&decode(&rest[..start]));
        let end = rest[start..].find('>').unwrap_or_else(|| panic!("unclosed tag: {}", &rest[start..])) + start;
        let inside = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if inside == "!DOCTYPE html" || inside.starts_with('/') {
            continue;
        }
        let (name, mut attrs) = inside.split_once(' ').unwrap_or((inside, ""));
        let mut attributes = Vec::new();
        while !attrs.is_empty() {
            let until = attrs.find([' ', '=']).unwrap_or(attrs.len());
            let attribute = &attrs[..until];
            attrs = &attrs[until..];
            let value = match attrs.strip_prefix("=\"") {
                Some(quoted) => {
                    let close = quoted.find('"').unwrap_or_else(|| panic!("unclosed value in <{inside}>"));
                    attrs = &quoted[close + 1..];
                    decode(&quoted[..close])
                }
                None => String::new(),
            };
            assert!(attrs.is_empty() || attrs.starts_with(' '), "<{inside}> does not read as attributes");
            attributes.push((attribute.to_string(), value));
            attrs = attrs.trim_start_matches(' ');
        }
        if name == "style" || name == "script" {
            let close = format!("</{name}>");
            let at = rest.find(&close).unwrap_or_else(|| panic!("<{name}> not closed"));
            assert!(name == "style" || at == 0, "an inline script: {}", &rest[..at]);
            rest = &rest[at + close.len()..];
        }
        tags.push(Tag { name: name.to_string(), attributes });
    }
    text.push_str(&decode(rest));
    (tags, text)
}

/// `page` holds only what pm-skills writes: its own elements and attributes, no event handler,
/// no `javascript:` address, and none of the fixture's names raw. Returns its text, decoded.
fn assert_inert(what: &str, page: &str) -> String {
    let (tags, text) = read(page);
    for tag in &tags {
        assert!(listed(ELEMENTS, &tag.name), "{what}: an element from the data: {tag:?}");
        for (name, value) in &tag.attributes {
            assert!(listed(ATTRIBUTES, name), "{what}: an attribute from the data: {tag:?}");
            assert!(!value.trim_start().to_lowercase().starts_with("javascript:"), "{what}: {tag:?}");
        }
    }
    for (raw, _) in ESCAPED {
        assert!(!page.contains(raw), "{what}: {raw:?} written raw");
    }
    text
}

/// The HTML reports that show the fixture's names: a level, the ladder, skills, soft skills, the
/// role, a comparison, moves, a person's and a team's gap, plan, fit and route, and (from the
/// check-ins in `history`) a line chart over time.
fn reports(history: &Path) -> Vec<Vec<String>> {
    let profile = fixture_path("hostile/markup-profile.yaml");
    let twin = fixture_path("hostile/markup-profile-twin.yaml");
    let history = history.to_str().expect("UTF-8 path");
    [
        vec!["levels"],
        vec!["show", "two"],
        vec!["ladder"],
        vec!["skills"],
        vec!["skills", "scripting"],
        vec!["skills", "entities"],
        vec!["soft-skills", "tagging"],
        vec!["about"],
        vec!["diff", "one", "two"],
        vec!["diff", "one", "three", "--path"],
        vec!["moves", "one"],
        vec!["gap", "--profile", &profile],
        vec!["gap", "--profile", &profile, "--profile", &twin, "--to", "two"],
        vec!["plan", "--profile", &profile],
        vec!["fit", "--profile", &profile],
        vec!["route", "one", "three"],
        vec!["route", "--profile", &profile, "three"],
        vec!["progress", "--history", history],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(String::from).collect())
    .collect()
}

#[test]
fn html_reports_write_names_that_are_markup_as_escaped_text() {
    let data = fixture_path("hostile/markup");
    // Two check-ins of the fixture's person, for the line chart.
    let history = tempfile::tempdir().unwrap();
    let profile = std::fs::read_to_string(fixture_path("hostile/markup-profile.yaml")).unwrap();
    for (date, step) in [("2026-01-05", "mid"), ("2026-04-01", "high")] {
        let checkin = format!("date: {date}\n{}", profile.replace("proficiency: mid", &format!("proficiency: {step}")));
        std::fs::write(history.path().join(format!("{date}.yaml")), checkin).unwrap();
    }
    let mut seen = BTreeSet::new();
    for command in reports(history.path()) {
        let mut args = vec!["--data", &data, "--format", "html"];
        args.extend(command.iter().map(String::as_str));
        let page = stdout(&args);
        let text = assert_inert(&format!("{command:?}"), &page);
        for (raw, escaped) in ESCAPED {
            // Escaped once, so the reader sees the name as typed.
            assert_eq!(page.matches(escaped).count(), text.matches(raw).count(), "{command:?}: {raw:?}");
            if page.contains(escaped) {
                seen.insert(*raw);
            }
        }
    }
    let unseen: Vec<_> = ESCAPED.iter().map(|(raw, _)| *raw).filter(|raw| !seen.contains(raw)).collect();
    assert!(unseen.is_empty(), "names no report showed: {unseen:?}");
    // In a page's title, a chart's labels and a table's cells.
    let page = stdout(&["--data", &data, "--format", "html", "show", "two"]);
    assert!(page.contains("<title>Two &quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt; (level 2 of 3"), "{page}");
    let axis = "<title>&lt;script&gt;console.error(&#39;xss&#39;)&lt;/script&gt;</title>";
    assert!(page.contains("<line class=\"axis\"") && page.contains(axis), "{page}");
    let team = stdout(&[
        "--data",
        &data,
        "--format",
        "html",
        "gap",
        "--profile",
        &fixture_path("hostile/markup-profile.yaml"),
        "--profile",
        &fixture_path("hostile/markup-profile-twin.yaml"),
        "--to",
        "two",
    ]);
    assert!(team.contains("<title>Trent &lt;i&gt;&amp;amp;&lt;/i&gt; &quot;T&quot;</title>"), "{team}");
    let history = history.path().to_str().unwrap();
    let progress = stdout(&["--data", &data, "--format", "html", "progress", "--history", history]);
    let line = "<g class=\"line line-1\"><title>&lt;script&gt;console.error(&#39;xss&#39;)&lt;/script&gt;</title>";
    assert!(progress.contains(line), "{progress}");
}

#[test]
fn the_site_writes_names_that_are_markup_as_escaped_text_and_addresses_as_typed() {
    let data = fixture_path("hostile/markup");
    let framework = pm_skills::data::load_folder(Path::new(&data)).unwrap().0;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&["--data", &data], &out);
    assert!(check_site(&out, &allowed_web_links(&framework)) > 50);
    let mut hrefs = BTreeSet::new();
    for (path, bytes) in tree(&out) {
        if path.ends_with(".html") {
            let page = String::from_utf8(bytes).unwrap();
            assert_inert(&path, &page);
            assert!(page.contains(ESCAPED[0].1), "{path}: the framework's name, escaped, in its frame");
            hrefs.extend(attributes(&page, "href"));
        }
    }
    // An address with quotes and markup in it leads where it says, whole, and closes no attribute.
    for resource in &framework.skills[0].resources {
        assert!(hrefs.contains(&resource.url), "{}: not a link in {hrefs:?}", resource.url);
    }
    let skill = std::fs::read_to_string(out.join("skills/scripting.html")).unwrap();
    let breakout =
        "href=\"https://example.org/x&quot;onmouseover=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"";
    assert!(skill.contains(breakout), "{skill}");
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<dt>Version:</dt><dd>1 &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</dd>"), "{home}");
    assert!(home.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>"));
}

/// The reader above finds what a name written raw would add: an attribute, or an element.
#[test]
#[should_panic(expected = "an attribute from the data")]
fn the_reader_catches_an_event_handler_a_raw_name_would_add() {
    assert_inert("a page", "<p><a href=\"x\" onmouseover=\"alert(1)\">x</a></p>");
}

#[test]
#[should_panic(expected = "an element from the data")]
fn the_reader_catches_an_element_a_raw_name_would_add() {
    assert_inert("a page", "<p>x <marquee>y</marquee></p>");
}

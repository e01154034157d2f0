//! `site --out DIR`: the framework as a static website, written as one folder.

use super::Outcome;
use super::selected::load_selected;
use crate::cli::{GlobalArgs, SiteArgs};
use crate::model::Ref;
use crate::render::RenderOptions;
use crate::report::site::SiteReport;

/// Builds the site of the selected framework and writes it into `--out`, atomically: the folder
/// appears whole or not at all, and a non-empty one is replaced only with `--force`.
pub fn run(global: &GlobalArgs, args: &SiteArgs, options: &RenderOptions) -> anyhow::Result<Outcome> {
    if global.role.is_some() {
        anyhow::bail!("the site covers every role of the framework; leave out --role");
    }
    // A wrong --out fails before anything is built, and replacing it must not delete the data.
    let inputs: Vec<&std::path::Path> = global.data.iter().map(|d| d.as_path()).collect();
    crate::import::check_out(&args.out, args.force, &inputs)?;
    let framework = load_selected(global)?;
    let stamp = args.stamp.then(|| crate::profile::today().to_string());
    let site = crate::site::build(&framework, stamp.as_deref());
    let note = crate::import::write_marked(&args.out, args.force, &site.files, "site")?;
    let report = SiteReport {
        framework: Ref::from(&framework),
        out: args.out.display().to_string(),
        pages: site.pages,
        files: site.files.len(),
        bytes: site.files.iter().map(|(_, text)| text.len()).sum(),
        stamp,
        note,
    };
    Outcome::report(&report, options)
}

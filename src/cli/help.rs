//! The examples and notes each command's `--help` ends with.

pub(super) const ASSESS_HELP: &str = "Examples:
  pm-skills assess --out me.yaml
  pm-skills assess --out me.yaml --level product-manager
  pm-skills assess --out me.yaml --skill user-focus --skill agile   # revisit two skills
  pm-skills assess --out sam.yaml --assessor \"Dana Reyes\"           # a review of someone else
  pm-skills assess --out me.yaml --for engineer/senior              # add another role's skills
  printf 'Ada\\n\\n3\\nRan the beta\\n2\\n\\n...' | pm-skills assess --out me.yaml

Each answer: a number or a name (1-4, expert), s to skip, b to go back one question, q to stop.
After each answer, one optional line of evidence (Enter skips it). A question answered before
(going back, or with --skill) shows its answer and evidence: Enter keeps them, and a
single - at the evidence question removes the evidence.

--skill asks only the skills (or soft skills) it names, of the existing profile --out, and keeps
everything else; it replaces the file (no --force needed) and dates it today, or --date.

--for ROLE/LEVEL asks, of the existing profile --out, only what that level rates and the profile
does not yet, and keeps everything else, as --skill does: then gap, fit and plan compare the
person with a level of another role, rather than count its skills as unassessed.

Questions go to stderr, answers are read from stdin. Progress is saved in a draft beside the
profile (<out>.draft, or <out>.revisit.draft for --skill and --for) after every answer, so an interrupted
run (q, Ctrl-C, end of input) loses nothing and the next run resumes; --restart discards the
draft. One run at a time per profile: it holds <out>.lock.

Exit codes:
  0    the profile was written, q kept the answers for later, or --for had nothing to ask
  1    error: unknown name, unreadable profile or draft, input ended early
  2    usage error: unknown flag, or a --date that is not a date
  130  stopped with Ctrl-C; the answers so far are kept";

pub(super) const PROFILE_NEW_HELP: &str = "Examples:
  pm-skills profile new --level product-manager > me.yaml
  pm-skills --framework ddat-2025 profile new --out me.yaml
  pm-skills profile new --assessor \"Dana Reyes\" > review.yaml   # a review of someone else
  pm-skills profile new --date 2026-03-02 > checkin.yaml
  pm-skills --data ./map --role analyst profile new --for engineer/senior > me.yaml
  pm-skills profile new --from me.yaml --for engineer/senior --out me-and-engineer.yaml

The profile is dated today and rated by `self` unless --date or --assessor says otherwise.

--for lists the skills of a level of another role too, after the role's own, so that gap, fit and
plan compare the person with it rather than count its skills as unassessed. With --from, the
profile given is kept as it is (name, level, date, answers, evidence) and what it does not yet
rate of that level is listed, ~, to fill in; --level, --date and --assessor replace its own.
The template is YAML, printed, or written to --out FILE (never over a file without --force).

Exit codes:
  0  the template was printed
  1  unknown level, an unreadable --from profile, or an --out file that exists
  2  usage error: unknown flag, or a --date that is not a date";

pub(super) const MAIN_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills show senior                       what a Senior Product Manager does and needs
  pm-skills diff product-manager senior       what must grow from PM to Senior
  pm-skills ladder --format csv > ladder.csv  the whole matrix as CSV
  pm-skills skills \"product ownership\"        one skill, every proficiency, every level
  pm-skills diff pm senior -f html > pm.html  a page with a radar chart, to print or attach
  pm-skills moves senior                      the next level, and the nearest level of other roles
  pm-skills ladder -f xlsx --out ladder.xlsx  a workbook: filters, rank columns, a radar chart

",
    exit_codes!()
);

pub(super) const GAP_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills gap --profile me.yaml                 against my target, or the level above mine
  pm-skills gap --profile me.yaml --to lead --format json
  pm-skills gap --team ./team                     each person against their own target
  pm-skills gap --team ./team --to senior         everyone against one level
  pm-skills gap --team ./team --sort readiness    ready first, then the fewest steps short
  pm-skills gap -p a.yaml -p b.yaml --to senior --only-gaps
  pm-skills gap --team ./team --format html > team.html   a heatmap page
  pm-skills gap --team ./team --format csv > team.csv     a row per person, any team size
  pm-skills gap --profile me.yaml --review manager.yaml   my view beside my manager's
  pm-skills gap --team ./team --to senior --format xlsx --out team.xlsx   a workbook

A profile's `framework:` picks that built-in framework, unless --framework or --data is given
(a profile for another one is then read, with a warning, if every skill and level it names is
there), and its `role:` the role it is read on. Without --to, a person's target is their profile's
`target:`, else the level above their `level:`; in a team, someone at the top level is checked
against their own. A team with more people than skills shows people as rows; over 200 people the
terminal shows it in numbers.

",
    exit_codes!()
);

pub(super) const PROGRESS_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills progress checkins/2026-03-02.yaml checkins/2026-06-01.yaml
  pm-skills progress --history ./checkins                  every check-in in a folder
  pm-skills progress --history ./checkins --to lead --format json
  pm-skills progress --history ./checkins --format html > progress.html   a line chart page
  pm-skills progress --history ./checkins --exit-code      exit 3 while a gap remains
  pm-skills progress --team ./team                        each person, then the team
  pm-skills progress --team ./team --since 2026-04-01     what moved since the spring

Each file is one check-in of one person: a profile with a `date:`, in any order. The target is
--to, else the latest check-in's `target:`, else the level above its `level:`. A gap closed when
a skill was short at the first check-in and is met at the last; it opened when it was met and
now is short; it remains when it is short at both.

--team reads a folder holding a sub-folder of check-ins per person, or check-ins side by side,
each person told apart by `name`, and gives each person's progress as progress gives it for
them alone, then the team's: who became ready, where most gaps remain, the open gaps over time.
With --since, each person is compared from their last check-in on or before the date; someone
with none by then is compared from their first, and someone with none after it counts as they
stood, and the table says so. At the top of their ladder with no `target:`, a person is checked
against their own level, as `gap --team` does.

",
    exit_codes!()
);

pub(super) const DIFF_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills diff product-manager senior
  pm-skills compare senior lead --only-gaps
  pm-skills diff pm senior --format json | jq '.rows[] | select(.change > 0) | .skill.id'
  pm-skills diff product-manager head --path
  pm-skills diff pm senior --format html > pm-to-senior.html   a radar chart page
  pm-skills diff pm senior --format xlsx --out pm-to-senior.xlsx   a workbook with a radar chart

",
    exit_codes!()
);

pub(super) const MOVES_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills moves senior                          the next level, then the nearest of other roles
  pm-skills --data ./ddat moves senior-delivery-manager --role product-manager
  pm-skills moves senior --limit 3 --format json | jq '.moves[] | [.role.id, .level.id, .steps]'

The next level of the level's own role comes first, as the natural promotion; then, for every
other role, its level nearest in seniority (the mean rank it expects). With --role, every level of
that one role is listed.

",
    crate::move_rule!(),
    "

",
    exit_codes!()
);

pub(super) const ROUTE_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills --data ./ddat route senior-delivery-manager head-of-product
  pm-skills --data ./ddat route --profile me.yaml head-of-product          from my own ratings
  pm-skills --data ./ddat route senior-delivery-manager head-of-product --via delivery-manager
  pm-skills --data ./map route analyst designer/senior --max-steps 3
  pm-skills --data ./map route analyst designer/senior --format json | jq '.routes[0].total'

FROM and TO are levels, as everywhere (ROLE/LEVEL, or a name unique in the framework). With
--profile FILE the route starts at the profile's `level:`, and its first move is counted from the
person's own ratings, as gap counts them: a skill not assessed is unknown, never met and not
counted. The best route comes first, then the best route of each of two other first moves.
--via ROLE keeps to routes that move to a level of ROLE on the way (the start's own role: up its
ladder at least once); --max-steps N allows at most N moves (default 6).

",
    crate::route_rule!(),
    "

",
    exit_codes!()
);

pub(super) const FIT_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills fit --profile me.yaml                 my best fit and the nearest levels above it
  pm-skills --framework ddat-2025 fit -p me.yaml --limit 5 --format json
  pm-skills fit --team ./team --format csv        one best fit and closest next per person

Each level is read as `gap` reads it. A skill not assessed is unknown: never met, never a gap of a
known size. The best fit is the most demanding level where nothing assessed falls short and more
than half of what it rates was assessed; what was not assessed is named. The next levels are the
one above it in its role, then each other role's level nearest in seniority, or the first above
it not yet met.

",
    crate::move_rule!(),
    "

",
    exit_codes!()
);

pub(super) const PLAN_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills plan --profile me.yaml                       towards my target, or the level above mine
  pm-skills plan -p me.yaml --format markdown > plan.md  to paste into a document
  pm-skills plan -p me.yaml --to lead --format html > plan.html   a page that prints on A4
  pm-skills plan -p me.yaml --format json | jq '.to_grow[].skill.id'

The target is --to (a level, or ROLE/LEVEL for another role), else the profile's `target:`, else
the level above its `level:`. Each gap, biggest first, gets what the target expects, the evidence
so far, the framework's tips and resources, and blank lines for actions; then the skills to assess
first, what is already met, and the nearest levels of other roles when there are several.

",
    exit_codes!()
);

pub(super) const SITE_EXAMPLES: &str = concat!(
    "Examples:
  pm-skills site --out site                                the default framework
  pm-skills --framework ddat-2025 site --out ddat-site     the government framework, to browse
  pm-skills --data ./ddat site --out ./ddat-site --force   an imported framework, replacing the site
  pm-skills site --out site --stamp                        with the build date in every footer

The folder holds one page per role, level, skill and soft skill, one per pair of adjacent levels,
a home page, an A to Z index and a search box; open site/index.html, or serve the folder from any
static host. Links are relative and nothing is fetched from elsewhere. The same framework gives
the same bytes, so the folder diffs well in git; --stamp adds the date.

",
    exit_codes!()
);

pub(super) const COMPLETIONS_EXAMPLES: &str = "Examples:
  pm-skills completions bash > ~/.local/share/bash-completion/completions/pm-skills
  pm-skills completions zsh > ~/.zfunc/_pm-skills     # with fpath+=(~/.zfunc) before compinit
  pm-skills completions fish > ~/.config/fish/completions/pm-skills.fish
  pm-skills completions powershell >> $PROFILE
  pm-skills completions elvish > ~/.config/elvish/lib/pm-skills.elv   # then: use pm-skills
  source <(pm-skills completions bash)                 # this shell only

The script is clap_complete's, the one COMPLETE=bash pm-skills prints (or
COMPLETE=zsh, fish, ...). At each TAB it asks pm-skills, so commands and flags,
level, skill, soft-skill, role and framework names complete in every shell, the
names from the framework in use (following --data, --framework and --role on the
command line, and PM_SKILLS_DATA), and profile options offer YAML files. The
script names the pm-skills it was made with; write it again if that moves, or
have the shell make it as it starts, with one of
  source <(COMPLETE=bash pm-skills)   # in ~/.bashrc
  source <(COMPLETE=zsh pm-skills)    # in ~/.zshrc, after compinit
  COMPLETE=fish pm-skills | source    # in ~/.config/fish/config.fish";

pub(super) const MCP_EXAMPLES: &str = "Examples:
  pm-skills mcp                                  # the built-in framework, profiles as YAML text
  pm-skills mcp --profiles ~/reviews             # and the profiles in this folder
  pm-skills --data ./my-ladder mcp --profiles ./team

An assistant starts it and speaks JSON-RPC on stdin and stdout; each tool answers what the
command of its name answers with --format json. It writes nothing and reads only the framework
and the --profiles folders.";

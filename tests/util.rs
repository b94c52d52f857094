//! A small harness: a ledger in a temp folder, and a way to run `cellbook` on it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use std::process::Command;
use tempfile::TempDir;

/// The raters' scores for the criteria of `hd42-2025` that a recorded meeting without a
/// previous one, in a month without a thematic meeting, cannot measure: 66 points, which with
/// the 24 measured make 90 of 95.
pub const HD42_SCORES: [&str; 24] = [
    "--score",
    "prep-content=3",
    "--score",
    "prep-notice=1",
    "--score",
    "procedure=5",
    "--score",
    "content=10",
    "--score",
    "criticism=2",
    "--score",
    "thinking=1",
    "--score",
    "conduct-docs=1",
    "--score",
    "chairing=8",
    "--score",
    "principles=5",
    "--score",
    "closing-minutes=2",
    "--score",
    "closing-posted=1",
    "--score",
    "results=27",
];

/// A ledger in a temporary folder.
pub struct Ledger {
    pub dir: TempDir,
    pub today: String,
    /// The commands' temporary folder (`TMPDIR`): where a person's text is kept aside when a
    /// save fails, removed with the ledger rather than left in the machine's /tmp.
    pub tmp: TempDir,
}

/// The result of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn fails(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "panic: {}", self.stderr);
        assert!(
            !self.stderr.contains("RUST_BACKTRACE"),
            "backtrace hint: {}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Run {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    /// The last line of stdout (commands that create something print its id there).
    pub fn last_line(&self) -> &str {
        self.stdout.trim_end().lines().last().unwrap_or_default()
    }
}

/// The binary, with an environment that does not depend on the machine.
pub fn cellbook(cwd: &Path, today: &str) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("cellbook"));
    cmd.current_dir(cwd)
        .env_remove("CELLBOOK_LEDGER")
        // The language outside a ledger must not be the machine's.
        .env_remove("CELLBOOK_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("CELLBOOK_TODAY", today)
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "1");
    cmd
}

pub fn run_in(cwd: &Path, today: &str, args: &[&str]) -> Run {
    cellbook(cwd, today)
        .args(args)
        .output()
        .expect("run cellbook")
        .into()
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Ledger {
    /// An empty folder.
    pub fn empty() -> Ledger {
        Ledger {
            dir: tempfile::tempdir().expect("temp dir"),
            today: "2020-11-28".into(),
            tmp: tempfile::tempdir().expect("temp dir for the commands"),
        }
    }

    /// A fresh ledger in the given language.
    pub fn new(lang: &str) -> Ledger {
        let l = Ledger::empty();
        l.run(&[
            "init",
            "--name",
            "Chi bộ Thử",
            "--parent",
            "Đảng bộ Cấp trên",
            "--lang",
            lang,
            "--rubric",
            "hd42-2025",
        ])
        .ok();
        l
    }

    /// A copy of the example ledger shipped in examples/thuan-bac.
    pub fn example() -> Ledger {
        let l = Ledger::empty();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/thuan-bac"),
            l.path(),
        );
        l
    }

    /// A copy of the example as another cell, with its own `[cell] id`: two plain copies of the
    /// example are one cell (the same derived id), which a roll-up counts once.
    pub fn example_cell(id: &str) -> Ledger {
        let l = Ledger::example();
        let config = l.read("cellbook.toml");
        l.write(
            "cellbook.toml",
            &config.replacen("[cell]\n", &format!("[cell]\nid = \"{id}\"\n"), 1),
        );
        l
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn today(mut self, today: &str) -> Ledger {
        self.today = today.into();
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.command()
            .args(args)
            .output()
            .expect("run cellbook")
            .into()
    }

    /// The binary, run in this ledger on its day, with its own temporary folder.
    pub fn command(&self) -> Command {
        let mut cmd = cellbook(self.path(), &self.today);
        for var in ["TMPDIR", "TMP", "TEMP"] {
            cmd.env(var, self.tmp.path());
        }
        cmd
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path().join(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(p, text).expect("write");
    }

    /// Every file's bytes, to prove a failed command changed nothing.
    pub fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        collect(self.path(), self.path(), &mut out);
        out
    }

    /// Add the members most tests use: a secretary, a deputy, two members, a probationary one.
    pub fn with_members(self) -> Ledger {
        for (name, id, extra) in [
            ("Dương Công Trinh", "trinh", vec!["--role", "secretary"]),
            ("Nguyễn Thị Hoà", "hoa", vec!["--role", "deputy"]),
            ("Đỗ Văn Đức", "duc", vec![]),
            ("Lê Thị Lan", "lan", vec![]),
            ("Phạm Minh Tâm", "tam", vec!["--probationary"]),
        ] {
            let mut args = vec!["member", "add", name, "--id", id, "--joined", "2015-01-01"];
            args.extend(extra);
            self.run(&args).ok();
        }
        self
    }
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.file_name().is_some_and(|n| n == ".cellbook.lock") {
            continue;
        }
        if p.is_dir() {
            collect(root, &p, out);
        } else if let Ok(bytes) = fs::read(&p) {
            out.insert(
                p.strip_prefix(root).expect("under root").to_path_buf(),
                bytes,
            );
        }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read example").flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            fs::copy(&p, &dest).expect("copy");
        }
    }
}

/// Run `cellbook` with `EDITOR` set to a shell script (given as its body) and more variables.
pub fn with_editor(l: &Ledger, script: &str, envs: &[(&str, &str)], args: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("a folder for the editor script");
    let path = dir.path().join("editor.sh");
    fs::write(&path, format!("set -e\nf=\"$1\"\n{script}\n")).expect("write the script");
    l.command()
        .env("EDITOR", format!("sh {}", path.display()))
        .env_remove("VISUAL")
        .envs(envs.iter().copied())
        .args(args)
        .output()
        .expect("run cellbook")
        .into()
}

/// The file the error says the person's text is kept in (it exists), removed after reading.
#[track_caller]
pub fn kept_text(run: &Run) -> Vec<u8> {
    let path = run
        .stderr
        .split("your text is kept in ")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .map(|p| PathBuf::from(p.trim()))
        .unwrap_or_else(|| panic!("no kept file named:\n{}", run.stderr));
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let _ = fs::remove_file(&path);
    bytes
}

/// Every entry's bytes under `root`, without following links (a link is listed by its target),
/// so the snapshot itself never reads outside the folder it is given.
pub fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let rel = p.strip_prefix(root).expect("under root").to_path_buf();
            let Ok(meta) = fs::symlink_metadata(&p) else {
                continue;
            };
            if meta.file_type().is_symlink() {
                let target = fs::read_link(&p).expect("read a link");
                out.insert(rel, format!("<link {}>", target.display()).into_bytes());
            } else if meta.is_dir() {
                out.insert(rel, b"<dir>".to_vec());
                walk(root, &p, out);
            } else if meta.is_file() {
                if rel != Path::new(".cellbook.lock") {
                    out.insert(rel, fs::read(&p).expect("read a regular file"));
                }
            } else {
                out.insert(rel, b"<other>".to_vec());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// Assert two snapshots are equal, naming the files that differ (not dumping their bytes).
#[track_caller]
pub fn assert_same(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    what: &str,
) {
    let differ: Vec<_> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(differ.is_empty(), "{what}: changed {differ:?}");
}

/// A ledger with members (hd42-2025) whose 2020-07-09 meeting is planned (documents, committee,
/// draft resolution) and recorded (100 minutes, all present, all speaking, 4/0/0), with `more`
/// arguments added to the `record` command line (say, `--minutes`). Today is 2020-07-20.
pub fn held_meeting(lang: &str, more: &[&str]) -> Ledger {
    let l = Ledger::new(lang).with_members().today("2020-07-20");
    l.run(&[
        "plan",
        "2020-07-09",
        "--docs-sent",
        "2020-07-07",
        "--committee-met",
        "2020-07-06",
        "--draft-resolution",
    ])
    .ok();
    let mut record = vec![
        "record",
        "2020-07-09",
        "--start",
        "14:00",
        "--end",
        "15:40",
        "--present",
        "all",
        "--spoke",
        "all",
        "--vote",
        "4/0/0",
    ];
    record.extend_from_slice(more);
    l.run(&record).ok();
    l
}

//! `--format json`: the stable interface for scripts (field names in `model`).

use crate::core::report::model::Report;

pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

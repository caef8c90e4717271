//! `pds next`: the next free case number of a year.

use super::{print, Env};
use crate::diag::Error;

pub fn run(env: &Env, year: Option<u16>) -> Result<i32, Error> {
    let root = env.root()?;
    let (record, _) = crate::load::load_headers(&root);
    let year = year.unwrap_or_else(current_year);
    if !(2000..=2099).contains(&year) {
        return Err(Error::Usage(format!(
            "{year} is not a year pds can number cases in (2000–2099)"
        )));
    }
    let next = crate::commands::new::next_case_number(&record, year)?;
    print(&format!("{next}\n"));
    Ok(0)
}

fn current_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Days to civil year, good for any date after 1970.
    let days = (secs / 86_400) as i64;
    let mut year = 1970;
    let mut left = days;
    loop {
        let len = if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
            366
        } else {
            365
        };
        if left < len {
            return year as u16;
        }
        left -= len;
        year += 1;
    }
}

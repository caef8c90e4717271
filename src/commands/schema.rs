//! `pds schema [KIND]`: the JSON Schema of a kind of file, from the tables
//! the readers use.

use super::print;
use crate::diag::Error;
use crate::load::json_schema;

pub fn run(kind: Option<&str>) -> Result<i32, Error> {
    let schema = match kind {
        None => json_schema::all(),
        Some(name) => {
            let kind = json_schema::kind(name)
                .ok_or_else(|| Error::Usage(format!("no file kind `{name}`")))?;
            json_schema::document(kind)
        }
    };
    let text = serde_json::to_string_pretty(&schema)
        .map_err(|e| Error::Usage(format!("cannot print the schema: {e}")))?;
    print(&format!("{text}\n"));
    Ok(0)
}

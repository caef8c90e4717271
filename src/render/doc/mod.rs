//! The documents, one file each: the views its template sees (the
//! templates' API, so every field is documented) and the `Renderer` method
//! that builds them and fills the template.

pub mod actions;
mod body;
pub mod case;
pub mod forums;
pub mod invite;
pub mod minutes;
pub mod notice;
pub mod overview;
pub mod pack;
pub mod risks;
pub mod status;

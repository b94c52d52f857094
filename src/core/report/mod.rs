//! The pure part of `cellbook report`: a cell's meetings, roster and rules in
//! ([`aggregate`]), the report as plain data out ([`model`]), which every renderer reads.

pub mod aggregate;
pub mod model;
pub mod rollup;

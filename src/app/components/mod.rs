//! One component per part of the page.

pub mod achievement;
pub mod add_unit;
pub mod charts;
pub mod comparison;
pub mod disclosure;
pub mod findings;
pub mod grid;
pub mod header;
pub mod icon;
pub mod language;
pub mod near_screen;
pub mod new_plan;
pub mod notice;
pub mod objective_row;
pub mod objectives_table;
pub mod other_objectives;
pub mod print_report;
pub mod review_log;
pub mod sensitivity;
pub mod spreadsheets;
pub mod summary;
pub mod toolbar;
pub mod units;

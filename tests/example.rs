//! The plan Pesatura opens with, built in the model, is the Como example
//! file: read, it is the same plan; saved, it is the same file.

use pesatura::io::json;
use pesatura::model::example::como_2024;

const FILE: &str = include_str!("../examples/como-peg-2024.json");

#[test]
fn the_built_plan_is_the_example_file() {
    assert_eq!(
        json::load(FILE.as_bytes()).expect("the example file opens"),
        como_2024()
    );
}

#[test]
fn saving_the_built_plan_writes_the_example_file() {
    assert_eq!(json::save(&como_2024()), FILE);
}

#[test]
fn the_built_plan_has_the_pegs_numbers() {
    let plan = como_2024();
    let results = pesatura::model::compute(&plan);
    let ente = pesatura::model::format::format_it(results.ente.average.expect("averaged"), 2);
    assert_eq!((plan.objectives.len(), ente.as_str()), (53, "21,55"));
}

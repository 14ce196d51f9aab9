"""JSON IIA records: valid records load; invalid ones list every problem with its path."""
from __future__ import annotations

import hashlib
import json

import pytest

from eia_rules.errors import InputError
from eia_rules.model.record import CharacteristicStatus, IIARecord
from eia_rules.readers import read_record


def _record(**changes) -> dict:
    data = IIARecord().model_dump(mode="json")
    data["metadata"]["title"] = "Library hours"
    data["characteristics"]["age"].update(status="assessed", impact="positive", reasons="Later opening")
    for key, value in changes.items():
        data[key] = value
    return data


def test_valid_record_loads_with_its_source(write):
    content = json.dumps(_record())
    path = write("record.json", content)
    record = read_record(path)
    assert record.characteristics["age"].status is CharacteristicStatus.ASSESSED
    assert record.metadata.title == "Library hours"
    assert record.source.path == str(path) and record.source.format == "json"
    assert record.source.sha256 == hashlib.sha256(content.encode()).hexdigest()


def test_every_invalid_field_is_listed_with_its_path(write):
    data = _record()
    data["characteristics"]["age"]["status"] = "maybe"
    data["metadata"]["assessment_date"] = "2024-13-45"
    data["engagement"] = [{"text": "Survey", "responses": "many"}]
    data["monitoring"]["colour"] = "blue"
    with pytest.raises(InputError) as caught:
        read_record(write("bad.json", json.dumps(data)))
    message = str(caught.value)
    assert "4 invalid field(s)" in message
    assert "characteristics.age.status: 'maybe' is not one of ['assessed', 'asserted', 'listed', 'absent']" in message
    assert "metadata.assessment_date: '2024-13-45' is not a 'date'" in message
    assert "engagement[0].responses: 'many' is not of type 'integer' or 'null'" in message
    assert "monitoring: Additional properties are not allowed ('colour' was unexpected)" in message


@pytest.mark.parametrize("content, problem", [
    (b"", "the file is empty"),
    (b'{"schema_version": "1.0",', "corrupt or unreadable JSON"),
    (b"[1, 2]", "must be a JSON object, not a list"),
])
def test_unreadable_records(write, content, problem):
    with pytest.raises(InputError, match=problem.replace("(", r"\(")):
        read_record(write("record.json", content))

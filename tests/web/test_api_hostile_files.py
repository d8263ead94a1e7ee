"""No hostile case file gives a 500 through the API: ``POST /screen``, ``POST /cases`` and ``PUT
/cases/{id}`` answer every file of ``bench/hostile_generator.py`` (drawn by Hypothesis,
``tests/hostile_strategy.py``; sent as YAML or JSON as its name says, or inside a JSON body) with a result
or its problems by field, never more than a bounded message (100 files: a few seconds). A view that raises
fails the test (Django's test client re-raises it), as does any 500."""

from __future__ import annotations

import json

import pytest
from api_tokens import ApiClient, token
from hypothesis import given, settings

from hostile_strategy import FUZZ, HOSTILE_FILES, HostileFile
from withhold.facts.loading import CaseFileError, parse_case
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import Role
from withhold.web.cases.models import CaseRecord

ANSWERED = (200, 201, 413, 422)
"""A result, or a refusal naming the problem (413: a body over Django's limit)."""


@pytest.mark.django_db
@settings(FUZZ, max_examples=100)
@given(hostile=HOSTILE_FILES)
def test_no_hostile_file_gives_a_500_through_the_api(
    hostile: HostileFile, organization: Organization, record: CaseRecord
) -> None:
    api = ApiClient(token(organization, Role.ATTORNEY)[1])
    body = hostile.text.encode("utf-8", errors="surrogatepass")
    kind = "application/yaml" if hostile.suffix in (".yaml", ".yml") else "application/json"
    for url in ("/api/v1/screen", "/api/v1/cases"):
        answer = api.client.post(url, body, content_type=kind, headers=api.headers)
        assert answer.status_code in ANSWERED, (url, answer.status_code)
        if answer.status_code in (413, 422):
            assert len(answer.content) < 20_000
    try:
        document = parse_case(hostile.text).model_dump(mode="json", exclude_unset=True)
    except (CaseFileError, ValueError, RecursionError):
        document = {"withhold": "case/1", "notes": hostile.text[:30_000]}
    wrapped = json.dumps({"version": 1, "document": document}, ensure_ascii=False, default=str)
    replaced = api.client.put(
        f"/api/v1/cases/{record.id}", wrapped, content_type="application/json", headers=api.headers
    )
    assert replaced.status_code in (200, 409, 413, 422), replaced.status_code
    assert CaseRecord.objects.filter(pk=record.pk).exists()

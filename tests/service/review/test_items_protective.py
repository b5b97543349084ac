"""An item's detail carries the protective wording found in its redacted text, as spans into it."""

from __future__ import annotations

from service.review import items
from tests.factories import START, add_item

TEXT = (
    "Se busca personal de limpieza en Valencia. No cobramos ninguna comisión a los candidatos. "
    "Contrato por escrito antes de empezar. Llamar al [PHONE:aaaaaaaaaaaa]."
)


def test_the_detail_lists_protective_wording_with_spans_into_the_redacted_text(ctx, session, people):
    item = add_item(session, people.partner, START, text=TEXT)
    plain = add_item(session, people.partner, START, text="Se busca camarero. Llame al [PHONE:bbbbbbbbbbbb].")
    session.commit()
    view = items.detail(session, ctx, people.ana, item)
    found = {p["type"]: TEXT[p["start"] : p["end"]] for p in view.protective}
    assert set(found) == {"fees", "contract"}
    assert "comisión" in found["fees"] and "escrito" in found["contract"]
    assert items.detail(session, ctx, people.ana, plain).protective == []

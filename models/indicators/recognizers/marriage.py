"""MARRIAGE_LURE: invited to meet, live with or marry a partner abroad, journey paid and arranged.

Agencies that "introduce" women to foreign husbands and pay the ticket are a documented route to
forced marriage and sexual exploitation. Strong: some matchmaking is legitimate.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import DEST_EN, DEST_ES
from models.indicators.recognizers.base import PatternRecognizer

_PARTNER_ES = (
    r"casar(?:se|te|nos)?|matrimonio|casamiento|boda|novi[oa]s?|espos[oa]s?|pareja|marido|prometid[oa]"
    r"|compromiso serio|relacion seria|formar (?:una )?familia|agencia matrimonial|agencias? de citas"
)
_FOREIGN_ES = (
    rf"extranjer[oa]s?|europe[oa]s?|american[oa]s?|gringos?|estadounidenses|canadienses|italian[oa]s"
    rf"|espanoles|aleman(?:es)?|chinos?|corean[oa]s?|japoneses|turcos|arabes|en el extranjero|(?:en|de"
    rf"|a) (?:{DEST_ES})"
)
_PARTNER_EN = (
    r"marry|marriage|married|wife|wives|brides?|husbands?|spouses?|partners?|girlfriends?|fianc[eé]e?s?"
    r"|serious relationship|start a family|marriage agency|dating agency|matchmak\w*|introduction agency"
)
_FOREIGN_EN = (
    rf"foreign(?:ers?)?|european|american|western|rich|wealthy|abroad|overseas|(?:in|from|to) (?:{DEST_EN})"
)


class MarriageLureRecognizer(PatternRecognizer):
    CODE = "MARRIAGE_LURE"
    PATTERNS_ES = (
        rf"\b(?:{_PARTNER_ES})\b(?: [\w,()/-]+){{0,8}}? (?:con )?(?:un |una |unos |hombres |caballeros "
        rf"|senores |mujeres )?(?:{_FOREIGN_ES})\b",
        rf"\b(?:hombres|caballeros|senores|varones"
        rf"|solteros) (?:\w+ ){{0,2}}?(?:{_FOREIGN_ES})\b(?: [\w,]+){{0,4}}? (?:buscan|busca|quieren"
        rf"|desean) (?:\w+ ){{0,2}}?(?:espos[ao]s?|pareja|novia|mujer|chicas?|companera)",
        r"\bagencias? (?:matrimonial\w*|de citas|de parejas)\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_PARTNER_EN})\b(?: [\w,()/-]+){{0,8}}? (?:a |an |with )?(?:{_FOREIGN_EN})\b",
        rf"\b(?:{_FOREIGN_EN}) (?:\w+ ){{0,2}}?(?:men|gentlemen|husbands?|grooms?) (?:\w+ ){{0,3}}?(?:seeking"
        rf"|looking for|want|wanting|seek) (?:\w+ ){{0,2}}?(?:wives?|brides?|partners?|women|girls|ladies)",
        r"\bmail[- ]order brides?\b|\b(?:marriage|dating|introduction) agenc(?:y|ies)\b",
    )

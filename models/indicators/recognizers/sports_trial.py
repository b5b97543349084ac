"""SPORTS_TRIAL_LURE: young players offered trials, academies or contracts with clubs abroad.

Fake scouts charge families for a trial in Europe and leave players stranded or indebted. A trial
with a named club at home, or a school sports team, is not the lure: the rules need a club or trial
abroad, a professional contract dangled, or an agent arranging the trip.
"""

from __future__ import annotations

from models.indicators.recognizers._lexicon import DEST_EN, DEST_ES
from models.indicators.recognizers.base import PatternRecognizer

_SPORT_ES = (
    r"futbolistas?|jugador(?:es|as?)?|deportistas?|peloteros?|beisbolistas?|basquetbolistas?|atletas?"
    r"|boxeadores?|voleibolistas?|talentos? (?:deportivos?|del futbol)|promesas? del futbol|porteros?"
    r"|arqueros?|delanteros?|volantes?|futbol|beisbol|baloncesto|basquet|voleibol"
)
_TRIAL_ES = (
    r"pruebas?|probarse|probar suerte|visorias?|visorias|captaciones?|seleccion(?:es)?|tryouts?|academias?"
    r"|campus|clinica deportiva|contratos? (?:profesional(?:es)?|con (?:un |el )?club)|fichaje|fichar|clubes?"
    r"|equipos? (?:profesional(?:es)?|de primera|europeos?)|cantera"
)
_AGENT_ES = (
    r"representantes?|empresarios? (?:deportivos?|de futbol)|agentes?(?: fifa| deportivos?)?|ojeador\w*"
    r"|cazatalentos|scouts?|visor(?:es)?"
)
_SPORT_EN = (
    r"footballers?|soccer players?|players?|athletes?|sports? (?:talents?|stars?)|strikers?|goalkeepers?"
    r"|midfielders?|defenders?|basketball(?: players?)?|football|soccer|boxers?|runners?|cricketers?"
)
_TRIAL_EN = (
    r"trials?|try-?outs?|scouting|academy|academies|camp|showcase|professional contracts?|pro contracts?"
    r"|contracts? with (?:a |top |european |big )?clubs?|clubs?|teams?|signing|sign with"
)
_AGENT_EN = r"agents?|scouts?|managers?|intermediar(?:y|ies)|fifa (?:licensed )?agents?"


class SportsTrialLureRecognizer(PatternRecognizer):
    CODE = "SPORTS_TRIAL_LURE"
    PATTERNS_ES = (
        rf"\b(?:{_TRIAL_ES})\b(?: [\w,()/-]+){{0,10}}? (?:en|con|de|para|a) (?:un |clubes |equipos |el "
        rf"|la )?(?:{DEST_ES})\b",
        rf"\b(?:{_SPORT_ES})\b(?: [\w,()/-]+){{0,10}}? (?:en|a|para|hacia|rumbo a) (?:{DEST_ES})\b",
        rf"\b(?:{DEST_ES})\b(?: [\w,()/-]+){{0,8}}? (?:{_TRIAL_ES})\b(?: [\w,()/-]+){{0,6}}? "
        rf"(?:{_SPORT_ES})\b",
        rf"\b(?:{_AGENT_ES})\b(?: [\w,()/-]+){{0,10}}? (?:{_TRIAL_ES}|{_SPORT_ES})\b",
        rf"\b(?:{_SPORT_ES})\b(?: [\w,()/-]+){{0,8}}? (?:contrato profesional|fichar|firmar (?:con"
        rf"|contrato))\b",
    )
    PATTERNS_EN = (
        rf"\b(?:{_TRIAL_EN})\b(?: [\w,()/&-]+){{0,10}}? (?:in|with|at|to) (?:a |top "
        rf"|big )?(?:clubs? in )?(?:{DEST_EN})\b",
        rf"\b(?:{_SPORT_EN})\b(?: [\w,()/&-]+){{0,10}}? (?:to|in|for) (?:{DEST_EN})\b",
        rf"\b(?:{DEST_EN})\b(?: [\w,()/&-]+){{0,8}}? (?:{_TRIAL_EN})\b(?: [\w,()/&-]+){{0,6}}? "
        rf"(?:{_SPORT_EN})\b",
        rf"\b(?:{_AGENT_EN})\b(?: [\w,()/&-]+){{0,6}}? (?:trials?|try-?outs?|clubs?|footballers?|players"
        rf"|academy|contracts?)\b",
    )

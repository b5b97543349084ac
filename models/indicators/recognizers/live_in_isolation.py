"""LIVE_IN_ISOLATION: living at the workplace with outings, phones, visits or contact restricted.

Live-in work alone ("puertas adentro", "live-in nanny") is common and legal, so only the
restriction itself fires.
"""

from __future__ import annotations

from models.indicators.recognizers.base import PatternRecognizer

_PHONE_ES = r"celular(?:es)?|telefonos?(?: celular(?:es)?| movil(?:es)?)?|movil(?:es)?"
_PHONE_EN = r"(?:mobile |cell )?phones?|mobiles?|cell ?phones?"
_WATCHER_ES = r"(?:el |la )?(?:capataz|encargad[oa]|jef[ea]|patron[a]?|duen[oa]|senora|madama|supervisor[a]?)"
_WATCHER_EN = r"(?:the )?(?:manager|foreman|boss|madam|owner|family|supervisor|escort|driver)"


class LiveInIsolationRecognizer(PatternRecognizer):
    CODE = "LIVE_IN_ISOLATION"
    PATTERNS_ES = (
        rf"\bsin (?:salidas?|salir|permiso (?:para|de) salir|visitas|{_PHONE_ES}|contacto con (?:la |tu "
        rf"|su )?familia|uso de (?:{_PHONE_ES})|comunicacion|bajar (?:a|del) (?:puerto|tierra|barco))\b",
        r"\bno (?:hay|se permiten?|tendras|tienes|puedes tener|podras tener|se reciben) (?:salidas|visitas"
        r"|permiso para salir)\b|\bno se permiten? (?:[\w,]+ ){0,6}?(?:visitas|salir|salidas)\b",
        # "8 días de descanso al mes" is a normal rota; one outing a month, or one every few months, is not.
        r"\b(?:salida|salidas|sales|salir|franco|francos|descanso|transporte) (?:\w+ ){0,2}?(?:(?:solo "
        r"|solamente )?(?:una vez|1 vez) (?:al|por) mes|(?:solo |solamente )?cada (?:dos|tres|cuatro|seis"
        r"|[2-9]|1[0-2]) meses)\b",
        rf"\b(?:salidas?|sale[ns]?|salir|se sale) (?:\w+ ){{0,3}}?(?:solo |solamente "
        rf"|unicamente )?(?:con (?:permiso|autorizacion|{_WATCHER_ES})|acompanad[oa]s?)\b",
        r"\b(?:nadie|no se|no) (?:sale|salen) sol[oa]s?\b|\bno (?:se )?(?:sale|salen|salimos) del\b",
        rf"\b(?:{_PHONE_ES}) (?:\w+ ){{0,2}}?(?:se (?:guardan|guarda|retiene|retienen|recogen|recoge|entregan"
        rf"|entrega|quitan|quita)|(?:quedan|queda) (?:guardados?|en custodia|con el encargado"
        rf"|con la encargada))\b",
        rf"\b(?:guardamos|retenemos|recogemos|quitamos) (?:el |los |tu |tus )?(?:{_PHONE_ES})\b",
        rf"\bno (?:puedes|podras|se puede|se permite|pueden|podran|esta permitido|se les permite) (?:salir"
        rf"|recibir visitas|tener (?:{_PHONE_ES}|visitas)|comunicarte)\b",
        r"\b(?:encerrad[oa]s?|sin salir (?:de|del) (?:la casa|el lugar|el local|la finca|el club))\b",
        r"\bcontacto con (?:la |tu |su )?familia (?:solo|solamente|unicamente|restringido|limitado"
        r"|una vez)\b",
        r"\bno hay (?:transporte (?:para salir|al pueblo)|senal|cobertura)\b|\bdecide cuando (?:sales"
        r"|puedes salir)\b",
    )
    PATTERNS_EN = (
        rf"\bno (?:going out|outings|going ashore|leaving (?:the )?(?:premises|house|property|site|compound"
        rf"|farm)|visitors|visits|outside contact|contact with (?:family|friends)|transport out"
        rf"|{_PHONE_EN})\b(?! calls?)",
        rf"\b(?:{_PHONE_EN})(?: are| will be| must be)? (?:kept|collected|taken|held|confiscated|surrendered"
        rf"|handed in|locked away|locked up)\b",
        r"\bnot (?:allowed|permitted) to (?:leave|go out|go outside|have visitors|contact)\b",
        r"\b(?:cannot|can'?t|may not|must not) (?:leave|go out)(?: the (?:premises|house|property|site"
        r"|compound|farm))?\b(?! (?:before|early|until the (?:end|shift))\b)",
        r"\b(?:days? out|time out|outings?|trips? (?:out|to town)"
        r"|transport to town) (?:only )?(?:once )?(?:every|per|a) (?:\d+ |two |three |few "
        r"|couple of )?months?\b",
        rf"\b(?:outings?|going out|go(?:es)? out|trips? (?:to town|out)"
        rf"|days? out)\b(?: \w+){{0,3}}? (?:only )?(?:with (?:the |your )?(?:permission|approval"
        rf"|{_WATCHER_EN})|with (?:the )?\w+'s permission|accompanied|escorted|supervised)\b",
        r"\b(?:escorted|accompanied|supervised) (?:at all times|outings|when (?:going out|leaving))\b",
        r"\b(?:nobody|no one|never) (?:goes|go) out alone\b|\bdecides? when you (?:can )?(?:go out|leave)\b",
        r"\b(?:family|outside) contact (?:only|restricted|limited)\b|\bstay[- ]in only\b",
    )

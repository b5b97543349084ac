"""Word lists shared by several recognizers (normalised spelling: lower case, no accents)."""

from __future__ import annotations

#: Common destinations of deceptive offers abroad, as written in Spanish ads.
DEST_ES = (
    r"(?:el |al )?(?:exterior|extranjero)|otros? pais(?:es)?|fuera del pais|europa|espana|italia|portugal"
    r"|francia|alemania|suiza|belgica|holanda|inglaterra|londres|reino unido|irlanda|grecia|chipre|malta"
    r"|turquia|rusia|japon|tokio|china|corea|singapur|tailandia|malasia|dubai|dubay|emiratos(?: arabes)?"
    r"|abu dhabi|qatar|catar|kuwait|arabia(?: saudita| saudi)?|bahrein|oman|israel|usa|eeuu|ee\.? ?uu\.?"
    r"|estados unidos|canada|nueva york|australia"
)
#: The same in English ads.
DEST_EN = (
    r"abroad|overseas|dubai|(?:the )?uae|united arab emirates|abu dhabi|qatar|doha|kuwait|saudi(?: arabia)?"
    r"|oman|bahrain|europe|japan|spain|italy|germany|poland|portugal|france|greece|cyprus|malta|turkey|russia"
    r"|china|korea|singapore|malaysia|thailand|israel|(?:the )?uk|united kingdom|(?:the )?usa|the us"
    r"|(?:the )?u\.s\.a?\.?|(?:the )?united states|america|canada|australia"
)
#: A short stretch inside one sentence (a full stop inside a number such as "1.500" is allowed).
GAP = r"(?:[^.!?\n]|\.(?=\d)){0,60}?"
#: Amounts of at least 2,000 (or 2k / 2 mil), the size that makes unskilled pay unrealistic.
BIGNUM = r"(?:[2-9][.,]?\d{3}|[1-9]\d{1,2}[.,]?\d{3})(?:[.,]\d{2})?(?!\d)|(?:[2-9]|[1-9]\d{1,2}) ?(?:k|mil)\b"
#: A sum of money with its currency, either side ("USD 500", "$300", "500 dólares", "€1.200").
MONEY = (
    r"(?:(?:us\$|u\$s|usd|\$|€|£|₹|₱|₦|eur|gbp|s/\.?|bs\.?|ksh|kes|cop|pyg|inr|rs\.?|php|mxn|ars|clp|pen"
    r"|ngn) ?\d+(?:[.,]\d+)*(?!\d)(?: ?(?:k|mil)\b)?|\d+(?:[.,]\d+)* ?(?:mil )?(?:\$|usd|dolares|dolar"
    r"|dollars|euros|€|£|pounds|soles|pesos|bolivares|quetzales|lempiras|colones|naira|rupees)\b)"
)
#: A period after an amount that makes it a wage, not a one-off charge.
WAGE_PERIOD = (
    r" ?(?:al|por|x|a la|a|per|an|/|cada|each) ?(?:mes|semana|dia|hora|quincena|ano|month|week|day|hour|hr"
    r"|year|annum)\b| ?(?:mensuales|semanales|diarios|quincenales|anuales|brutos|netos|monthly|weekly|daily"
    r"|hourly|gross|net)\b"
)

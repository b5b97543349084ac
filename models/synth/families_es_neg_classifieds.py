"""Spanish ordinary classifieds: furniture, phones, vehicles, rentals, lost pets, services.

They teach a model that urgency ("venta urgente por viaje") or a WhatsApp-only contact is not, on its
own, a sign of recruitment into exploitation.
"""

from __future__ import annotations

from .family import Family, family

_CLASSIFIED = ("oneliner", "oneliner", "lines", "paragraph")
_SMALL = {"URGENCY": 2, "MESSENGER_ONLY": 2}

FAMILIES: tuple[Family, ...] = (
    family(
        "es-neg-sell-furniture",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 3),
        pool=_SMALL,
        neg_mix=(0.5, 0.9),
        money={"price": (40, 400)},
        slots={
            "item": (
                "sofá de 3 cuerpos",
                "mesa de comedor con 6 sillas",
                "cama matrimonial con colchón",
                "ropero de 2 puertas",
                "escritorio de madera",
                "juego de living",
                "cocina a gas de 4 hornallas",
            ),
            "cond": ("poco uso", "como nuevo", "en buen estado", "impecable", "con detalles"),
        },
        titles=("Vendo {item}", "{Item} en venta", "Se vende {item}, {cond}", "Remato {item}"),
        details=(
            "{Cond}.",
            "Precio: {price}.",
            "{Price}, conversable.",
            "Retirar en {city}.",
            "Entrega en {city} sin costo.",
            "Medidas en las fotos.",
            "Por mudanza.",
            "Acepto transferencia.",
        ),
        phrases={"URGENCY": ("Venta urgente por viaje.", "Urge vender.", "Hoy mismo.")},
    ),
    family(
        "es-neg-sell-phone",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 3),
        pool=_SMALL,
        neg_mix=(0.5, 0.9),
        money={"price": (80, 700)},
        slots={
            "item": (
                "iPhone 12 de 128 GB",
                "Samsung Galaxy A54",
                "Xiaomi Redmi Note 12",
                "laptop Lenovo i5",
                "PlayStation 5",
                "tablet Samsung",
                "smart TV de 50 pulgadas",
            )
        },
        titles=("Vendo {item}", "{Item} impecable", "Se vende {item}", "{Item} - precio de oportunidad"),
        details=(
            "Con caja y cargador.",
            "Liberado para cualquier compañía.",
            "Batería al 90 %.",
            "Con factura.",
            "Sin detalles.",
            "Entrega en punto medio en {city}.",
            "Precio: {price}.",
            "No acepto cambios.",
        ),
        phrases={"URGENCY": ("Necesito venderlo ya.", "Urgente, precio fijo.")},
    ),
    family(
        "es-neg-sell-vehicle",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 4),
        pool=_SMALL,
        neg_mix=(0.5, 0.9),
        money={"price": (500, 9000)},
        slots={
            "item": (
                "Toyota Corolla 2014",
                "moto Honda 150 cc 2020",
                "Chevrolet Spark 2016",
                "Nissan Versa 2018",
                "bicicleta de montaña rodado 29",
                "Renault Logan 2015",
            ),
            "km": ("45.000", "98.000", "120.000", "12.000", "76.500"),
        },
        titles=("Vendo {item}", "{Item} en venta", "Se vende {item} al día"),
        details=(
            "Papeles al día.",
            "Único dueño.",
            "{Km} km.",
            "Revisión técnica vigente.",
            "Acepto permuta.",
            "Precio: {price}.",
            "Se puede ver en {city}.",
        ),
        phrases={"URGENCY": ("Venta urgente por viaje.", "Urge, escucho ofertas.")},
    ),
    family(
        "es-neg-rental",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 4),
        pool=_SMALL,
        neg_mix=(0.5, 0.9),
        money={"rent": (150, 900)},
        slots={
            "home": (
                "habitación amueblada",
                "departamento de 2 dormitorios",
                "apartamento",
                "monoambiente",
                "piso",
                "casa con patio",
            )
        },
        titles=("Alquilo {home}", "{Home} en alquiler", "Se arrienda {home}", "Alquiler de {home} en {city}"),
        details=(
            "Cerca del centro de {city}.",
            "2 dormitorios y 1 baño.",
            "Servicios incluidos.",
            "Contrato por un año, depósito de un mes.",
            "Ideal para estudiante o pareja.",
            "No se admiten mascotas.",
            "Alquiler: {rent} al mes.",
            "[!MESSENGER_ONLY] Visitas de lunes a sábado en {address}.",
        ),
        phrases={"URGENCY": ("Disponible ya, urgente.", "Urge alquilar.")},
    ),
    family(
        "es-neg-lost-pet",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 4),
        pool=_SMALL,
        neg_mix=(0.4, 0.9),
        slots={
            "pet": (
                "perro mestizo color café",
                "gata gris con collar rojo",
                "caniche blanco",
                "labrador negro",
                "gato atigrado",
            ),
            "pet_name": ("Toby", "Luna", "Rocky", "Michi", "Canela", "Max"),
            "weekday": ("lunes", "martes", "jueves", "sábado", "domingo"),
        },
        titles=(
            "Se perdió mi perro",
            "Mascota perdida en {city}",
            "Se busca gata extraviada",
            "[URGENCY] URGENTE: perro perdido",
            "Ayuda: se perdió {pet_name}",
        ),
        details=(
            "Es un {pet}.",
            "Responde al nombre de {pet_name}.",
            "Se perdió el {weekday} cerca del centro de {city}.",
            "Tiene collar con placa.",
            "Se gratifica.",
            "Es muy manso, no muerde.",
            "Necesita medicación.",
        ),
        phrases={"URGENCY": ("Es urgente, ayúdennos a compartir.",)},
    ),
    family(
        "es-neg-services",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 4),
        pool=_SMALL,
        neg_mix=(0.55, 0.95),
        money={"price": (5, 30)},
        slots={
            "svc": (
                "clases particulares de matemáticas",
                "clases de inglés",
                "plomería",
                "electricidad",
                "mudanzas y fletes",
                "peluquería a domicilio",
                "reparación de computadoras",
            )
        },
        titles=("{Svc}", "Ofrezco {svc}", "Servicio de {svc}", "{Svc} en {city}"),
        details=(
            "Precios accesibles.",
            "Presupuesto sin cargo.",
            "Experiencia de 10 años.",
            "Zona {city} y alrededores.",
            "Atención de lunes a sábado.",
            "Primera consulta gratis.",
            "Tarifa: {price} la hora.",
        ),
        phrases={"URGENCY": ("Atención de urgencias hoy mismo.",)},
    ),
)

"""English ordinary classifieds: furniture, electronics, cars, rentals, lost pets, services.

They teach a model that urgency ("must go this week") or a DM-only contact is not, on its own, a sign
of recruitment into exploitation.
"""

from __future__ import annotations

from .family import Family, family

_CLASSIFIED = ("oneliner", "oneliner", "lines", "paragraph")
_SMALL = {"URGENCY": 2, "MESSENGER_ONLY": 2}

FAMILIES: tuple[Family, ...] = (
    family(
        "en-neg-sell-furniture",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 3),
        pool=_SMALL,
        neg_mix=(0.5, 0.9),
        money={"price": (40, 400)},
        slots={
            "item": (
                "3-seater sofa",
                "dining table with 6 chairs",
                "queen bed with mattress",
                "2-door wardrobe",
                "oak desk",
                "bookshelf",
                "gas cooker",
            ),
            "cond": ("barely used", "like new", "good condition", "spotless", "some wear"),
        },
        titles=("For sale: {item}", "{Item} for sale", "Selling {item}, {cond}", "{Item} - cheap"),
        details=(
            "{Cond}.",
            "Price: {price}.",
            "{Price} or best offer.",
            "Pick up in {city}.",
            "Can deliver locally.",
            "Measurements in photos.",
            "Moving sale.",
            "Cash or bank transfer.",
        ),
        phrases={"URGENCY": ("Must go this week, moving abroad.", "Need gone today.")},
    ),
    family(
        "en-neg-sell-electronics",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 3),
        pool=_SMALL,
        neg_mix=(0.5, 0.9),
        money={"price": (80, 700)},
        slots={
            "item": (
                "iPhone 12 128GB",
                "Samsung Galaxy A54",
                "Lenovo i5 laptop",
                "PS5 with two controllers",
                "iPad 9th gen",
                "50-inch smart TV",
            )
        },
        titles=("Selling {item}", "{Item} mint condition", "For sale: {item}", "{Item} - great price"),
        details=(
            "Box and charger included.",
            "Unlocked.",
            "Battery health 90%.",
            "Receipt available.",
            "No scratches.",
            "Meet in a public place in {city}.",
            "Price: {price}.",
            "No swaps.",
        ),
        phrases={"URGENCY": ("Need to sell ASAP.", "Urgent sale, price firm.")},
    ),
    family(
        "en-neg-sell-car",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 4),
        pool=_SMALL,
        neg_mix=(0.5, 0.9),
        money={"price": (800, 12000)},
        slots={
            "item": (
                "2014 Toyota Corolla",
                "2020 Honda 150cc motorbike",
                "2016 Ford Fiesta",
                "2018 Nissan Versa",
                "29er mountain bike",
                "2015 VW Golf",
            ),
            "miles": ("45,000", "98,000", "120,000", "12,000", "76,500"),
        },
        titles=("{Item} for sale", "Selling my {item}", "{Item}, one owner"),
        details=(
            "Full service history.",
            "One owner.",
            "{Miles} miles.",
            "Valid inspection.",
            "Open to trades.",
            "Price: {price}.",
            "Viewing in {city}.",
        ),
        phrases={"URGENCY": ("Quick sale needed, leaving the country.", "Urgent, open to offers.")},
    ),
    family(
        "en-neg-rental",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 4),
        pool=_SMALL,
        neg_mix=(0.5, 0.9),
        money={"rent": (300, 2000)},
        slots={
            "home": (
                "furnished room",
                "2-bedroom flat",
                "studio apartment",
                "1-bed apartment",
                "house with garden",
            )
        },
        titles=("{Home} to rent", "For rent: {home}", "{Home} available in {city}", "Room/flat to let"),
        details=(
            "Close to {city} centre.",
            "2 bedrooms, 1 bathroom.",
            "Bills included.",
            "12-month lease, one month deposit.",
            "Ideal for a student or couple.",
            "No pets.",
            "Rent: {rent} per month.",
            "[!MESSENGER_ONLY] Viewings Monday to Saturday at {address}.",
        ),
        phrases={"URGENCY": ("Available now, urgent.", "Must let this week.")},
    ),
    family(
        "en-neg-lost-pet",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 4),
        pool=_SMALL,
        neg_mix=(0.4, 0.9),
        slots={
            "pet": (
                "brown mixed-breed dog",
                "grey cat with a red collar",
                "white poodle",
                "black labrador",
                "tabby cat",
            ),
            "pet_name": ("Toby", "Luna", "Rocky", "Misty", "Ginger", "Max"),
            "weekday": ("Monday", "Tuesday", "Thursday", "Saturday", "Sunday"),
        },
        titles=(
            "Lost dog",
            "Missing pet in {city}",
            "Lost cat - please help",
            "[URGENCY] URGENT: lost dog",
            "Have you seen {pet_name}?",
        ),
        details=(
            "{Pet_name} is a {pet}.",
            "Answers to {pet_name}.",
            "Went missing on {weekday} near {city} centre.",
            "Wearing a collar with a tag.",
            "Reward offered.",
            "Very friendly, does not bite.",
            "Needs medication.",
        ),
        phrases={"URGENCY": ("Please share, it's urgent.",)},
    ),
    family(
        "en-neg-services",
        "classified",
        contact="classified",
        layouts=_CLASSIFIED,
        n_details=(1, 4),
        pool=_SMALL,
        neg_mix=(0.55, 0.95),
        money={"price": (10, 60)},
        slots={
            "svc": (
                "maths tutoring",
                "English lessons",
                "plumbing",
                "electrical work",
                "removals and man with van",
                "mobile hairdressing",
                "computer repair",
            )
        },
        titles=("{Svc}", "Offering {svc}", "{Svc} service", "{Svc} in {city}"),
        details=(
            "Affordable rates.",
            "Free quotes.",
            "10 years' experience.",
            "Covering {city} and surrounding areas.",
            "Monday to Saturday.",
            "First session free.",
            "Rate: {price} per hour.",
            "Fully insured.",
        ),
        phrases={"URGENCY": ("Same-day emergency call-outs.",)},
    ),
)

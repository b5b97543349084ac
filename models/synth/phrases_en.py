"""Shared English wording for each indicator, used when a family has no wording of its own.

Each text implies its key's code; a ``[CODE]`` tag adds codes the text also expresses. Spanish ads
borrow from this bank now and then (Spanglish), so its fields exist in every ad's context.
All wording describes offers, conditions and contact, never abuse.
"""

from __future__ import annotations

from .family import parse_bank, parse_entries

BANK = parse_bank(
    {
        "TRAVEL_DEDUCTED": (
            "Travel is free upfront, cost taken out of your first paychecks.",
            "No money needed to travel: we pay the flight, you pay it back by working.",
            "Transport to the site is advanced and deducted weekly.",
            "We book your ticket; the cost comes out of your pay.",
        ),
        "RECRUITMENT_FEE": (
            "Processing fee: {fee}.",
            "Registration fee of {fee} to secure your slot.",
            "Applicants pay {fee} for medicals and paperwork.",
            "Pay a refundable deposit of {fee} to hold the position.",
            "Placement fee {fee}, payable by transfer or mobile money.",
            "Admin charges of {fee} apply.",
            "Just pay {fee} and we handle everything.",
        ),
        "DEBT": (
            "Housing and meals deducted from pay every week.",
            "Salary advances available and deducted later.",
            "Uniform, tools and bed are charged against your wages.",
            "Need money for your family? We advance it and deduct it later.",
            "Your relocation debt is cleared by working.",
            "Accommodation at the worker's cost, deducted from wages.",
            "We lend you {fee} on arrival, repaid through deductions.",
        ),
        "DOCUMENT_RETENTION": (
            "The agency keeps your passport for the paperwork.",
            "Documents are held by the company for the length of the contract.",
            "We hold your papers so they don't get lost.",
            "Original ID must be left at the office.",
            "Passport and ID stay with us until the season ends.",
            "Employer retains workers' identity documents.",
            "[TRAVEL_DEDUCTED] Passport held until your ticket is repaid.",
        ),
        "WAGES_WITHHELD": (
            "Full pay is given at the end of the season.",
            "Wages accumulate and are paid when the {months}-month contract ends.",
            "Paid in one lump sum when you return.",
            "Salary is paid to the agency, which then pays you.",
            "Pay every {months} months.",
            "First salary after {months} months of work.",
            "We keep your wages safe until the end so you save.",
            "The contractor collects the wages and pays out at the end.",
            "Half of your salary held until the job is finished.",
        ),
        "MINORS_TARGETED": (
            "Age {age_lo}+ welcome.",
            "Ages {age_lo} to {age_hi}.",
            "No parental consent needed.",
            "Perfect for high school girls.",
            "Minors accepted.",
            "Looking for young girls from {age_lo}.",
            "Boys and girls {age_lo} and up, no permission from parents required.",
            "If you're {age_lo} you can start with us.",
            "Doesn't matter if you're under 18.",
            "High school students welcome.",
        ),
        "LIVE_IN_ISOLATION": (
            "Must live at the workplace; outings only with permission.",
            "Live on site, not allowed to leave the premises.",
            "Live-in; phones handed in on arrival.",
            "Remote housing, transport to town once a month.",
            "Staff live in company housing, outings accompanied.",
            "No outings during the first {months} months.",
            "Accommodation on site, no visitors allowed.",
            "Family contact only on Sundays.",
        ),
        "NO_DAYS_OFF": (
            "Available 24/7.",
            "Work 7 days a week.",
            "No days off during the season.",
            "14-hour shifts.",
            "Full availability incl. holidays and weekends, no rest days.",
            "12 to 16 hour shifts every day.",
            "Rest only when the boss says.",
            "No weekends off, no days off.",
        ),
        "UNREALISTIC_PAY": (
            "Earn {pay_hi} a month, no experience.",
            "Salary {pay_hi} monthly, no experience needed.",
            "Make up to {pay_hi} from the first month.",
            "Earn {pay_hi_week} a week, no qualifications.",
            "Easy fast money: {pay_hi} a month.",
            "Experience doesn't matter, we pay {pay_hi}.",
            "Pay way above market: {pay_hi}.",
            "Buy your own house in a few months, no experience needed.",
            "Earn in one month what you earn at home in a year.",
        ),
        "APPEARANCE": (
            "Ladies of good appearance.",
            "Pretty, slim girls aged {adult_lo}-{adult_hi}.",
            "Send full-body and face photos.",
            "Requirement: excellent appearance and figure.",
            "Looking for attractive young women.",
            "Good looks a must, send 3 pics.",
            "Models, hostesses, dancers.",
            "Profile: friendly girl with a nice figure.",
            "Min. height 5'5\" and good presence; send a photo.",
        ),
        "URGENCY": (
            "URGENT!",
            "Only {n} spots left.",
            "Needed urgently.",
            "Today only.",
            "Limited places, decide now.",
            "Start immediately.",
            "Few places left.",
            "Apply ASAP.",
            "Reply today.",
            "Interviews tomorrow, don't miss out.",
        ),
        "VAGUE_EMPLOYER": (
            "Leading company is hiring.",
            "A reputable company needs staff.",
            "For a private client.",
            "International company (name disclosed at interview).",
            "Well-known company, details later.",
            "Company name withheld for confidentiality.",
            "Big firm, more details in private.",
        ),
        "NO_CONTRACT": (
            "[!WAGES_WITHHELD] No contract, cash pay.",
            "No papers needed.",
            "[!WAGES_WITHHELD] Informal work, daily cash in hand.",
            "No documents or background checks.",
            "Contract when you arrive (verbal).",
            "Everything by word, no signing.",
            "Immigration status doesn't matter.",
            "Paid off the books.",
        ),
        "JOB_ABROAD_DECEPTIVE": (
            "Work in {dest}.",
            "Job opportunity abroad.",
            "Vacancies in {dest_city}, {dest}.",
            "Jobs overseas for people with no experience.",
            "Travel to work in {dest}.",
            "Job offer in {dest}, details in private.",
            "Openings in {dest}: hotels, restaurants and more.",
            "Work abroad for people ready to change their lives.",
            "We need people to work in {dest}.",
        ),
    }
)

# Wording that only makes sense for a job abroad (flights, visas, departures); added for abroad families.
ABROAD = parse_bank(
    {
        "TRAVEL_DEDUCTED": (
            "Air ticket provided by the company and deducted from your salary.",
            "We advance your flight and visa; you repay from your wages.",
            "Ticket, visa and housing covered now, recovered in monthly deductions.",
            "Flight paid by the employer, repaid through salary deductions over {months} months.",
            "[DEBT] Your ticket and visa become a loan you clear from your wages.",
        ),
        "RECRUITMENT_FEE": (
            "One-time visa processing fee {fee}.",
            "Training fee {fee}, payable before departure.",
        ),
        "DOCUMENT_RETENTION": (
            "Send a photo of your passport; the original is kept by the agent for the visa.",
            "Passport handed to the supervisor on arrival for safekeeping.",
        ),
        "URGENCY": (
            "Travel this week.",
            "Immediate departure.",
            "Flights leave next Monday.",
            "Reply today, travel in a few days.",
        ),
        "NO_CONTRACT": ("No visa required.",),
        "DEBT": ("Loan available for travel costs, repaid from your work.",),
    }
)

# Spanish lines that English ads carry (bilingual notices); they never carry an indicator.
MIXINS = parse_entries(
    (
        "Se habla español.",
        "Hablamos español",
        "Bilingüe es un plus",
        "¡Bienvenidos!",
        "Gracias",
        "Pregunte por Ana",
        "Español/English",
        "Información en español disponible",
    )
)

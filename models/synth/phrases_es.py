"""Shared Spanish wording for each indicator, used when a family has no wording of its own.

Each text implies its key's code; a ``[CODE]`` tag adds codes the text also expresses. Fields in
braces come from the ad's context (locale, voice, money, destination; see ``compose.build_context``).
All wording describes offers, conditions and contact, never abuse.
"""

from __future__ import annotations

from .family import parse_bank, parse_entries

BANK = parse_bank(
    {
        "TRAVEL_DEDUCTED": (
            "Nosotros {te} adelantamos el pasaje y lo {vas} pagando con {tu} trabajo.",
            "El viaje corre por nuestra cuenta; después se descuenta de {tu} primer sueldo.",
            "Viaje sin costo inicial, el pasaje se paga con los primeros sueldos.",
            "Cubrimos tiquete y hospedaje, que se descuentan semanalmente.",
            "{Te} mandamos el pasaje y lo {pagas} allá con {tu} trabajo.",
            "Pasajes adelantados por la empresa (se reintegran con descuentos del pago).",
        ),
        "RECRUITMENT_FEE": (
            "Costo de inscripción: {fee}.",
            "Para reservar {tu} cupo se paga {fee} de trámite.",
            "Se cobra {fee} por la carpeta y los exámenes médicos.",
            "Pago de {fee} por gastos administrativos (no reembolsable).",
            "Depósito de {fee} para asegurar el puesto.",
            "El trámite tiene un costo de {fee}, pago por transferencia o giro.",
            "Solo {pagas} {fee} de inscripción y nosotros hacemos todo el papeleo.",
            "Cuota de afiliación: {fee}.",
        ),
        "DEBT": (
            "Alojamiento y comida se descuentan del sueldo cada semana.",
            "Damos adelantos de sueldo que se van descontando.",
            "Uniforme, herramientas y cama se cobran del pago.",
            "Si {necesitas} {money_word} para {tu_f} familia, {te} adelantamos y luego descontamos.",
            "La deuda del traslado se cancela trabajando.",
            "Hospedaje a cuenta del trabajador, se descuenta de la paga.",
            "Adelanto de {fee} al firmar, se devuelve con descuentos mensuales.",
            "Comida, cuarto y transporte corren por cuenta del trabajador y se restan del sueldo.",
        ),
        "DOCUMENT_RETENTION": (
            "La agencia guarda {tu} pasaporte para hacer los trámites.",
            "Los documentos quedan en custodia de la empresa durante el contrato.",
            "Nosotros {te} guardamos los papeles para que no se pierdan.",
            "Es requisito dejar {id_doc} original en la oficina.",
            "Pasaporte e identificación quedan con nosotros hasta terminar la temporada.",
            "El empleador conserva los documentos de identidad del personal.",
            "Traer pasaporte vigente, que se entrega a la empresa al firmar.",
            "[TRAVEL_DEDUCTED] Se retiene el pasaporte hasta que se pague el pasaje.",
        ),
        "WAGES_WITHHELD": (
            "El pago se entrega completo al final de la temporada.",
            "Sueldo acumulado que se paga al terminar el contrato de {months} meses.",
            "Se paga al regresar, todo junto.",
            "El salario se deposita a la agencia, que luego {te} paga.",
            "Pago cada {months} meses.",
            "Primer pago a los {months} meses de trabajo.",
            "Lo ganado se guarda hasta el final para que sea un ahorro seguro.",
            "El sueldo lo cobra el contratista y lo reparte al final.",
            "Retenemos la mitad del sueldo hasta terminar la obra.",
        ),
        "MINORS_TARGETED": (
            "Desde {age_lo} años.",
            "Edad: de {age_lo} a {age_hi} años.",
            "No se necesita permiso de los padres.",
            "Ideal para chicas de colegio.",
            "Aceptamos menores de edad.",
            "Buscamos jovencitas desde los {age_lo}.",
            "Chicos y chicas de {age_lo} en adelante, sin autorización de padres.",
            "Si {tienes} {age_lo} años ya {puedes} trabajar con nosotros.",
            "No importa si {eres} menor.",
            "Estudiantes de secundaria bienvenidos.",
        ),
        "LIVE_IN_ISOLATION": (
            "Debe vivir en el lugar de trabajo, con salidas solo con permiso.",
            "Alojamiento en el lugar de trabajo, no se permite salir.",
            "Dormir adentro; el celular se entrega al ingresar.",
            "Alojamiento lejos del pueblo, transporte solo una vez al mes.",
            "El personal vive en la casa de la empresa, salidas acompañadas.",
            "Sin salidas durante los primeros {months} meses.",
            "Vivienda en el lugar, no se reciben visitas.",
            "Contacto con la familia solo los domingos.",
            "Régimen interno: no se sale del establecimiento.",
        ),
        "NO_DAYS_OFF": (
            "Disponibilidad 24/7.",
            "Trabajo de lunes a lunes.",
            "Sin días libres durante la temporada.",
            "Jornadas de 14 horas.",
            "Disponibilidad total, incluidos feriados y fines de semana, sin descanso.",
            "Turnos de 12 a 16 horas, todos los días.",
            "No hay francos.",
            "Se trabaja de domingo a domingo.",
            "Descanso solo cuando el patrón diga.",
        ),
        "UNREALISTIC_PAY": (
            "Gana {pay_hi} al mes sin experiencia.",
            "Sueldo de {pay_hi} mensuales, no se requiere experiencia.",
            "Ingresos de hasta {pay_hi} desde el primer mes.",
            "Ganancias de {pay_hi_week} por semana, sin estudios.",
            "{Money_word} fácil: {pay_hi} al mes.",
            "No importa la experiencia, pagamos {pay_hi}.",
            "Sueldo muy por encima del mercado: {pay_hi}.",
            "En pocos meses {puedes} comprar {tu_f} casa, sin experiencia.",
            "{Ganas} en un mes lo que aquí se gana en un año.",
        ),
        "APPEARANCE": (
            "Señoritas de buena presencia.",
            "Chicas lindas, delgadas, de {adult_lo} a {adult_hi} años.",
            "Enviar fotos de cuerpo entero y de rostro.",
            "Requisito: excelente presencia y figura.",
            "Buscamos jóvenes atractivas.",
            "Se valora la buena apariencia física, mandar 3 fotos.",
            "Modelos, anfitrionas, bailarinas.",
            "Perfil: chica simpática y de buena figura.",
            "Estatura mínima 1,65 m y buena presencia; enviar foto.",
        ),
        "URGENCY": (
            "¡URGENTE!",
            "Últimos {n} cupos.",
            "Se necesita con urgencia.",
            "Solo por hoy.",
            "Cupos limitados, decidir ya.",
            "Incorporación inmediata.",
            "Quedan pocos lugares.",
            "Respuesta hoy mismo.",
            "Entrevistas mañana, cupos contados.",
        ),
        "VAGUE_EMPLOYER": (
            "Importante empresa solicita personal.",
            "Empresa seria busca gente responsable.",
            "Para cliente privado.",
            "Empresa internacional (nombre en la entrevista).",
            "Empresa líder del sector.",
            "Por políticas de la empresa no damos el nombre.",
            "Prestigiosa compañía, más datos en la entrevista.",
            "Reconocida firma, detalles por privado.",
        ),
        "NO_CONTRACT": (
            "[!WAGES_WITHHELD] Sin contrato, pago en efectivo.",
            "No se necesitan papeles.",
            "[!WAGES_WITHHELD] Trabajo informal, pago diario en mano.",
            "No pedimos documentos ni antecedentes.",
            "Contrato al llegar (de palabra).",
            "Todo de palabra, sin firmas.",
            "No importa la situación migratoria.",
            "Pago en negro.",
        ),
        "JOB_ABROAD_DECEPTIVE": (
            "Trabajo en {dest}.",
            "Oportunidad de trabajo en el exterior.",
            "Vacantes en {dest_city}, {dest}.",
            "Trabajo en el extranjero para personas sin experiencia.",
            "{Ven} a trabajar a {dest}.",
            "Oferta laboral en {dest}, detalles por privado.",
            "Plazas en {dest}: hoteles, restaurantes y más.",
            "Empleo fuera del país para gente con ganas de salir adelante.",
            "Se buscan personas para trabajar en {dest}.",
        ),
    }
)

# Wording that only makes sense for a job abroad (flights, visas, departures); added for abroad families.
ABROAD = parse_bank(
    {
        "TRAVEL_DEDUCTED": (
            "Pasaje aéreo pagado por la empresa, luego se descuenta del sueldo.",
            "Boleto, visa y alojamiento los ponemos nosotros, se descuentan en cuotas del salario.",
            "No {necesitas} {money_word} para viajar: el vuelo se descuenta de lo que {ganas}.",
            "El costo del viaje y los trámites se descuentan del salario en los primeros {months} meses.",
            "[DEBT] Pasaje y visa por nuestra cuenta: quedan como deuda que se descuenta del sueldo.",
        ),
        "RECRUITMENT_FEE": (
            "Inversión única de {fee} por gestión de visa y permiso de trabajo.",
            "Curso obligatorio de {fee}, se paga antes de viajar.",
        ),
        "DOCUMENT_RETENTION": (
            "Enviar foto del pasaporte; el original lo retiene la agencia para la visa.",
            "Al llegar se entrega el pasaporte al encargado por seguridad.",
        ),
        "URGENCY": (
            "Viaje esta misma semana.",
            "Salida inmediata.",
            "Se viaja el próximo lunes.",
        ),
        "NO_CONTRACT": ("No hace falta visa.",),
        "DEBT": ("Préstamo disponible para gastos de viaje, se paga con {tu} trabajo.",),
    }
)

# English lines that Spanish ads borrow (job titles and slogans); they never carry an indicator.
MIXINS = parse_entries(
    (
        "We are hiring!",
        "Full time / part time",
        "Good vibes only",
        "Open position",
        "Staff wanted",
        "Team player",
        "Bilingual preferred",
        "Customer service skills",
        "Nice team",
        "Dress code: casual",
        "Skills: puntualidad y buena actitud",
        "Customer service",
        "Housekeeping",
        "Sales team",
    )
)

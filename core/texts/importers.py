"""Words of the customer importers and of the import entry point: why a file was refused, what was fixed."""

TEXTS = {
    # ---- files that cannot be read ----------------------------------------------------------------
    "importers.err.empty": (
        "Il file {file} è vuoto: non contiene righe da importare.",
        "The file {file} is empty: it has no rows to import.",
    ),
    "importers.err.cannot_open": (
        "Il file {file} non si apre ({reason}).",
        "The file {file} cannot be opened ({reason}).",
    ),
    "importers.err.too_big": (
        "{file} pesa {size} MB: Rotta legge file fino a {limit} MB. Filtra o dividi il file.",
        "{file} is {size} MB: Rotta reads files up to {limit} MB. Filter or split the file.",
    ),
    "importers.err.no_rows": (
        "Il file {file} ha solo l'intestazione (riga {row}) e nessuna riga di dati.",
        "The file {file} has only its header (row {row}) and no data rows.",
    ),
    "importers.err.binary": (
        "{file} non è un file di testo (CSV) né un foglio Excel (.xlsx): contiene dati binari "
        "(dal byte {offset}). Forse è un'immagine o un PDF rinominato.",
        "{file} is neither a text file (CSV) nor an Excel workbook (.xlsx): it holds binary data "
        "(from byte {offset}). It may be a renamed image or PDF.",
    ),
    "importers.err.encoding": (
        "{file}: il testo non è in una codifica che Rotta sa leggere (UTF-8, UTF-16, UTF-32 o Windows-1252) "
        "e leggerlo darebbe caratteri senza senso. Salvalo di nuovo come «CSV UTF-8».",
        "{file}: the text is not in an encoding Rotta can read (UTF-8, UTF-16, UTF-32 or Windows-1252) and "
        "reading it would give meaningless characters. Save it again as “CSV UTF-8”.",
    ),
    "importers.err.malformed": (
        "{file}, riga {row}: il testo non è un CSV leggibile (virgolette non chiuse o caratteri nulli).",
        "{file}, row {row}: the text is not readable CSV (unclosed quotes or null characters).",
    ),
    "importers.err.cell_too_long": (
        "{file}, riga {row}: una cella supera i {limit:n} caratteri. Non sembra un'esportazione di clienti.",
        "{file}, row {row}: a cell is longer than {limit:n} characters. This does not look like a customer export.",
    ),
    "importers.err.too_many_columns": (
        "{file}, riga {row:n}: {count:n} {count:colonna|colonne}; Rotta ne legge al massimo {limit:n}.",
        "{file}, row {row:n}: {count:n} {count:column|columns}; Rotta reads at most {limit:n}.",
    ),
    "importers.err.too_many_rows": (
        "{file} ha più di {limit:n} righe: Rotta ne legge al massimo {limit:n}. Filtra o dividi il file.",
        "{file} has more than {limit:n} rows: Rotta reads at most {limit:n}. Filter or split the file.",
    ),
    "importers.err.too_many_cells": (
        "{file}: oltre la riga {row:n} le celle (righe × colonne) superano {limit:n}: Rotta non legge oltre. "
        "Togli le colonne che non servono o dividi il file.",
        "{file}: past row {row:n} the cells (rows × columns) exceed {limit:n}: Rotta reads no further. Remove "
        "the columns you do not need or split the file.",
    ),
    "importers.err.xlsx_damaged": (
        "{file} sembra un file Excel ma è danneggiato o incompleto: aprilo in Excel e salvalo di nuovo.",
        "{file} looks like an Excel file but is damaged or incomplete: open it in Excel and save it again.",
    ),
    "importers.err.xlsx_encrypted": (
        "{file} è protetto da password: aprilo in Excel, togli la password (File > Informazioni > "
        "Proteggi cartella di lavoro) e caricalo di nuovo.",
        "{file} is password-protected: open it in Excel, remove the password (File > Info > Protect "
        "Workbook) and upload it again.",
    ),
    "importers.err.xlsx_macros": (
        "{file} contiene macro: per sicurezza Rotta non lo apre. Salvalo come .xlsx o CSV e riprova.",
        "{file} contains macros: for safety Rotta does not open it. Save it as .xlsx or CSV and try again.",
    ),
    "importers.err.xlsx_entities": (
        "{file} contiene dichiarazioni XML (DTD o entità) nella parte {part}, usate negli attacchi: "
        "file rifiutato. Salvalo di nuovo da Excel.",
        "{file} contains XML declarations (DTD or entities) in part {part}, as used in attacks: file "
        "refused. Save it again from Excel.",
    ),
    "importers.err.xlsx_unprotected": (
        "Lettura dei file Excel disattivata: manca la protezione defusedxml. Usa un file CSV.",
        "Reading Excel files is disabled: the defusedxml protection is missing. Use a CSV file.",
    ),
    "importers.err.xlsx_too_big": (
        "{file} una volta estratto occupa {size} MB (parte {part}): troppo per un elenco clienti. Salvalo come CSV.",
        "{file} expands to {size} MB (part {part}): too much for a customer list. Save it as CSV.",
    ),
    "importers.err.xlsx_long_text": (
        "{file}: la parte {part} contiene un testo (o uno spazio vuoto) di oltre {limit:n} caratteri tra due "
        "celle: nessuna esportazione di clienti o di post ne ha di così lunghi. File rifiutato; salvalo come CSV.",
        "{file}: part {part} holds a text (or blank space) of more than {limit:n} characters between two cells: no "
        "customer or post export has one that long. File refused; save it as CSV.",
    ),
    "importers.err.xlsx_too_much_text": (
        "{file}: le celle contengono più di {mb} MB di testo (superati nella parte {part}): troppo per "
        "un'esportazione di clienti o di post. Togli le colonne che non servono o salvalo come CSV.",
        "{file}: the cells hold more than {mb} MB of text (passed in part {part}): too much for a customer or "
        "post export. Remove the columns you do not need or save it as CSV.",
    ),
    "importers.err.xlsx_too_many_cells": (
        "{file}: il foglio {part} ha {count:n} {count:cella|celle}; da Excel Rotta ne legge al massimo {limit:n}. "
        "Salvalo come CSV.",
        "{file}: sheet {part} has {count:n} {count:cell|cells}; from Excel Rotta reads at most {limit:n}. "
        "Save it as CSV.",
    ),
    "importers.err.xls_old": (
        "{file} è nel vecchio formato Excel 97-2003 (.xls): salvalo come .xlsx o CSV.",
        "{file} is in the old Excel 97-2003 format (.xls): save it as .xlsx or CSV.",
    ),
    "importers.err.xlsb": (
        "{file} è una cartella di lavoro binaria di Excel (.xlsb): salvala come .xlsx o CSV.",
        "{file} is an Excel binary workbook (.xlsb): save it as .xlsx or CSV.",
    ),
    "importers.err.ods": (
        "{file} è un foglio OpenDocument (.ods): salvalo come .xlsx o CSV.",
        "{file} is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV.",
    ),
    "importers.err.zip_other": (
        "{file} è un archivio ZIP, non un foglio Excel: estrai il file che contiene e caricalo.",
        "{file} is a ZIP archive, not an Excel workbook: extract the file inside and upload that.",
    ),
    "importers.err.unknown_format": (
        "{file}: formato non riconosciuto e nessuna colonna sembra una città o un CAP. Colonne trovate: "
        "{columns}. Indica tu quali colonne usare.",
        "{file}: format not recognised and no column looks like a town or postcode. Columns found: "
        "{columns}. Choose the columns to use.",
    ),
    "importers.err.unexpected": (
        "{file} non si può leggere ({reason}). Prova a salvarlo di nuovo come CSV.",
        "{file} cannot be read ({reason}). Try saving it again as CSV.",
    ),
    "importers.err.mapping_field": (
        "Campo sconosciuto nell'abbinamento delle colonne: {field}.",
        "Unknown field in the column mapping: {field}.",
    ),
    "importers.err.mapping_column": (
        "La colonna '{column}' scelta per «{field:it}» non c'è nel file.",
        "The column '{column}' chosen for “{field:en}” is not in the file.",
    ),
    "importers.err.mapping_no_place": (
        "Serve almeno una colonna con la città o il CAP dei clienti. Colonne trovate: {columns}.",
        "At least one column must hold the customers' town or postcode. Columns found: {columns}.",
    ),
    # ---- what was fixed or left out ------------------------------------------------------------------
    "importers.warn.encoding_behind_bom": (
        "Il file si dichiara UTF-8 ma il testo è in Windows-1252 (o latin-1): letto così, con lettere "
        "accentate ed euro al loro posto. Controlla i nomi delle città.",
        "The file says it is UTF-8 but its text is Windows-1252 (or latin-1): read as such, so accented "
        "letters and the euro sign stay right. Check the town names.",
    ),
    "importers.warn.encoding_damaged": (
        "Alcuni caratteri del file non sono UTF-8 valido e sono mostrati come «\ufffd»: controlla le righe "
        "con lettere accentate.",
        "Some characters in the file are not valid UTF-8 and are shown as “\ufffd”: check the rows with "
        "accented letters.",
    ),
    "importers.warn.blank_rows": (
        "{count} {count:riga vuota saltata|righe vuote saltate}.",
        "{count} blank {count:row|rows} skipped.",
    ),
    "importers.warn.total_row": (
        "Riga {row} ('{label}'): è una riga di totale, non un cliente; non importata.",
        "Row {row} ('{label}'): a totals row, not a customer; not imported.",
    ),
    "importers.warn.ragged": (
        "{count} {count:riga ha|righe hanno} più celle dell'intestazione ({width} colonne), "
        "{count:alla|la prima alla} riga {row}: "
        "le celle in più sono state ignorate.",
        "{count} {count:row has|rows have} more cells than the header ({width} columns), {count:at|the first at} "
        "row {row}: the extra "
        "cells were ignored.",
    ),
    "importers.warn.sheet_chosen": (
        "Letto il foglio '{sheet}' ({count} {count:foglio|fogli} nel file).",
        "Read sheet '{sheet}' ({count} {count:sheet|sheets} in the file).",
    ),
    "importers.warn.bad_numbers": (
        "Colonna '{column}': {count} {count:valore non è un numero|valori non sono numeri}, per esempio '{example}' "
        "(riga {row}); {count:lasciato vuoto|lasciati vuoti}.",
        "Column '{column}': {count} {count:value is not a number|values are not numbers}, e.g. '{example}' (row "
        "{row}); left empty.",
    ),
    "importers.warn.fractional_orders": (
        "Colonna '{column}': {count} {count:numero di ordini non è intero|numeri di ordini non sono interi}, per "
        "esempio '{example}' (riga {row}); "
        "arrotondati.",
        "Column '{column}': {count} order {count:count is not a whole number|counts are not whole numbers}, e.g. "
        "'{example}' (row {row}); rounded.",
    ),
    "importers.warn.bad_dates": (
        "Colonna '{column}': {count} {count:valore non è una data|valori non sono date}, per esempio '{example}' "
        "(riga {row}); lasciati vuoti.",
        "Column '{column}': {count} {count:value is not a date|values are not dates}, e.g. '{example}' (row {row}); "
        "left empty.",
    ),
    "importers.warn.future_dates": (
        "Colonna '{column}': {count} {count:data è|date sono} nel futuro, per esempio '{example}' (riga {row}).",
        "Column '{column}': {count} {count:date is|dates are} in the future, e.g. '{example}' (row {row}).",
    ),
    "importers.warn.unknown_countries": (
        "Colonna '{column}': {count} {count:paese non riconosciuto|paesi non riconosciuti}, per esempio '{example}' "
        "(riga {row}).",
        "Column '{column}': {count} {count:country|countries} not recognised, e.g. '{example}' (row {row}).",
    ),
    "importers.warn.country_assumed": (
        "Il file non indica il paese: {count} {count:cliente|clienti} con CAP o comune italiano "
        "{count:è stato considerato|sono stati considerati} in Italia.",
        "The file gives no country: {count} "
        "{count:customer with an Italian postcode or comune was|customers with an Italian postcode or comune were} "
        "taken to be in Italy.",
    ),
    "importers.warn.postcodes_padded": (
        "{count} CAP italiani avevano perso gli zeri iniziali (per esempio 6012 invece di 06012): corretti.",
        "{count} Italian postcodes had lost their leading zeros (e.g. 6012 for 06012): fixed.",
    ),
    "importers.warn.shortened_ids": (
        "{count} {count:codice cliente era stato accorciato|codici cliente erano stati accorciati} da Excel (per "
        "esempio 7,46555E+12) e non c'è l'e-mail: {count:quel cliente è riconosciuto|quei clienti sono "
        "riconosciuti} dal numero di riga.",
        "{count} customer {count:id had|ids had} been shortened by Excel (e.g. 7,46555E+12) and there is no "
        "e-mail: {count:that customer is|those customers are} identified by {count:its|their} row number.",
    ),
    "importers.warn.merged": (
        "{count} {count:riga ripeteva|righe ripetevano} un cliente già presente (stessa e-mail o codice): "
        "{count:unita|unite} sommando ordini e spesa.",
        "{count} {count:row repeated|rows repeated} a customer already listed (same e-mail or id): merged, adding "
        "up orders and spend.",
    ),
    "importers.warn.orders_assumed": (
        "Nessuna colonna con il numero di ordini: ogni riga conta come un ordine.",
        "No column with the number of orders: each row counts as one order.",
    ),
    "importers.warn.no_revenue": (
        "Nessuna colonna con la spesa dei clienti: il fatturato non è disponibile.",
        "No column with the customers' spend: revenue is not available.",
    ),
    "importers.warn.mapping_guessed": (
        "Colonne riconosciute in automatico: {mapping:it}. Controlla che siano giuste.",
        "Columns recognised automatically: {mapping:en}. Check that they are right.",
    ),
    "importers.warn.unplaced": (
        "{count} {count:cliente non è|clienti non sono} sulla mappa perché il luogo non è stato trovato o è ambiguo "
        "(righe {rows}): "
        "controlla città, CAP e provincia.",
        "{count} {count:customer is|customers are} not on the map because {count:its|their} place was not found or "
        "is ambiguous (rows {rows}): "
        "check their town, postcode and province.",
    ),
    "importers.warn.no_gazetteer": (
        "Le località dei clienti non sono state cercate sulla mappa (elenco dei comuni non disponibile).",
        "The customers' places were not looked up on the map (the list of places is not available).",
    ),
    # ---- orders ------------------------------------------------------------------------------------
    "importers.warn.orders_cancelled": (
        "{count} {count:ordine annullato|ordini annullati} (o non {count:riuscito|riusciti}) non "
        "{count:conta|contano} né come acquisto né nei totali.",
        "{count} cancelled (or failed) {count:order does|orders do} not count as a purchase nor in the totals.",
    ),
    "importers.warn.orders_refunded": (
        "{count} {count:ordine rimborsato|ordini rimborsati} per intero ({amount}) non {count:conta|contano} "
        "come acquisto; i rimborsi parziali sono tolti dall'importo.",
        "{count} {count:order|orders} refunded in full ({amount}) {count:does|do} not count as a purchase; "
        "partial refunds are taken off the amount.",
    ),
    "importers.warn.orders_future": (
        "Colonna '{column}': {count} {count:ordine è datato|ordini sono datati} dopo oggi, per esempio "
        "'{example}' (riga {row}): non {count:importato|importati}. Controlla le date del file.",
        "Column '{column}': {count} {count:order is|orders are} dated after today, e.g. '{example}' (row {row}): "
        "not imported. Check the file's dates.",
    ),
    "importers.warn.orders_unpaid": (
        "{count} {count:ordine non ancora pagato è contato|ordini non ancora pagati sono contati} (colonna "
        "'{column}': {statuses}).",
        "{count} {count:order|orders} not paid yet {count:is|are} counted (column '{column}': {statuses}).",
    ),
    "importers.warn.orders_currency": (
        "Colonna '{column}': alcuni ordini sono in {currencies}, non in euro; Rotta somma gli importi come "
        "fossero euro. Converti quegli importi o toglili dal file.",
        "Column '{column}': some orders are in {currencies}, not in euro; Rotta adds the amounts up as if they "
        "were euro. Convert those amounts or take them out of the file.",
    ),
    "importers.warn.orders_no_place": (
        "Il file non dice dove sono i clienti (né città né CAP): gli ordini servono per fedeltà e coorti, "
        "ma non compaiono sulla mappa.",
        "The file does not say where the customers are (no town or postcode): the orders count for loyalty "
        "and cohorts but are not on the map.",
    ),
    # ---- the mapping step ---------------------------------------------------------------------------
    "importers.field.source_id": ("Codice cliente", "Customer id"),
    "importers.field.email": (
        "E-mail (solo per riconoscere i clienti)",
        "E-mail (only to recognise customers)",
    ),
    "importers.field.town": ("Città / comune", "Town / city"),
    "importers.field.postcode": ("CAP", "Postcode"),
    "importers.field.province": ("Provincia", "Province / state"),
    "importers.field.country": ("Paese", "Country"),
    "importers.field.orders": ("Numero di ordini", "Number of orders"),
    "importers.field.revenue": ("Totale speso", "Total spent"),
    "importers.field.first_order": ("Primo ordine", "First order"),
    "importers.field.last_order": ("Ultimo ordine", "Last order"),
    # ---- the import box (ui/imports.py) --------------------------------------------------------------
    "importers.platform.generic_orders": ("Elenco ordini", "Orders list"),
    "importers.box.help.customers": (
        "Clienti o ordini esportati da Shopify o WooCommerce, o un elenco di ordini con numero d'ordine, data, "
        "importo e cliente: Rotta riconosce il formato dal contenuto, non dal nome del file. Gli ordini danno "
        "anche clienti abituali, coorti e segmenti RFM nel Monitor.",
        "Customers or orders exported from Shopify or WooCommerce, or an orders list with order number, date, "
        "amount and customer: Rotta recognises the format from the content, not from the file name. Orders also "
        "give the Monitor's repeat customers, cohorts and RFM segments.",
    ),
    "importers.box.privacy.customers": (
        "Di ogni cliente Rotta tiene solo un codice anonimo, città, CAP, provincia e paese; di ogni ordine data, "
        "importo e rimborso. Nomi, e-mail, telefoni e indirizzi servono solo durante l'importazione e non vengono "
        "salvati; i file non lasciano questo server.",
        "Of each customer Rotta keeps only an anonymous code, town, postcode, province and country; of each order "
        "its date, amount and refund. Names, e-mails, phones and addresses are used only while importing and are "
        "not saved; the files do not leave this server.",
    ),
    "importers.box.privacy.activity": (
        "Dei post Rotta tiene solo data, testo, link e numeri, e i totali giornalieri dei profili; nessun dato "
        "dei follower. I file non lasciano questo server.",
        "Of posts Rotta keeps only their date, text, link and numbers, and the profiles' daily totals; nothing "
        "about followers. The files do not leave this server.",
    ),
    "importers.box.done_activity": (
        "{file}: {rows:importata|importate} {rows} {rows:riga|righe} di {platform}, dal {first} al {last}.",
        "{file}: imported {rows} {platform} {rows:row|rows}, from {first} to {last}.",
    ),
    "importers.box.done_customers": (
        "{file}: {rows:importato|importati} {rows} {rows:cliente|clienti} ({platform}).",
        "{file}: imported {rows} {rows:customer|customers} ({platform}).",
    ),
    "importers.box.done_orders": (
        "{file}: {rows:importato|importati} {rows} {rows:ordine|ordini} di {customers} "
        "{customers:cliente|clienti} ({platform}), dal {first} al {last}: incasso netto {net} ({gross} lordi, "
        "{refunded} rimborsati).",
        "{file}: imported {rows} {rows:order|orders} from {customers} {customers:customer|customers} "
        "({platform}), from {first} to {last}: net takings {net} ({gross} gross, {refunded} refunded).",
    ),
    "importers.box.duplicate": (
        "{file}: già importato ({what}, {platform}); per importarlo di nuovo rimuovi prima quello vecchio.",
        "{file}: already imported ({what}, {platform}); to import it again, remove the old one first.",
    ),
    "importers.box.count.activity": ("{rows} {rows:riga|righe}", "{rows} {rows:row|rows}"),
    "importers.box.count.customers": ("{rows} {rows:cliente|clienti}", "{rows} {rows:customer|customers}"),
    "importers.box.count.orders": ("{rows} {rows:ordine|ordini}", "{rows} {rows:order|orders}"),
    "importers.box.wrong_kind.orders": (
        "Contiene ordini ({platform}): importali nel passo Mappa del mercato, nel riquadro dei clienti.",
        "It holds orders ({platform}): import it in the Market map step, in the customers box.",
    ),
    "importers.box.row.activity": (
        "**{file}** · {platform} · {rows} {rows:riga|righe} · importato il {day}",
        "**{file}** · {platform} · {rows} {rows:row|rows} · imported on {day}",
    ),
    "importers.box.row.customers": (
        "**{file}** · {platform} · {rows} {rows:cliente|clienti} · importato il {day}",
        "**{file}** · {platform} · {rows} {rows:customer|customers} · imported on {day}",
    ),
    "importers.box.row.orders": (
        "**{file}** · {platform} · {rows} {rows:ordine|ordini} · importato il {day}",
        "**{file}** · {platform} · {rows} {rows:order|orders} · imported on {day}",
    ),
    "importers.box.year.title": (
        "In che anno cade '{last}', l'ultimo giorno di «{file}»?",
        "Which year is '{last}', the last day of “{file}”, in?",
    ),
    "importers.box.year.help": (
        "Il file non scrive l'anno delle date e nessun altro file caricato copre quei giorni: scegli l'anno "
        "dell'ultimo giorno; i giorni prima sono contati all'indietro da lì.",
        "The file does not write the year of its dates and no other file uploaded covers those days: choose "
        "the year of the last day; the days before are counted back from it.",
    ),
    "importers.box.year.label": ("Anno dell'ultimo giorno", "Year of the last day"),
}

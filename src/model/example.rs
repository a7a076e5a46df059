//! The Comune di Como's PEG 2024 (section 3.2 of the published plan) as the
//! plan Pesatura opens with: its areas and settori, its 53 objectives scored
//! on the four criteria of [`como_2024_grid`], its organisational
//! performance objectives and the Segretario generale's. Built from these
//! tables rather than read from a file, so that the first screen waits for
//! no file parser; `examples/como-peg-2024.json` is this plan as Pesatura
//! saves it, and `tests/example.rs` checks that the two are the same plan.

use super::decimal::Dec;
use super::plan::{Ente, Indicator, Objective, OrgObjective, PlainObjective, Plan, Unit};
use super::presets::como_2024_grid;

/// One objective of a settore.
struct Row {
    unit: &'static str,
    title: &'static str,
    /// Complessità, rilevanza strategica, significatività finanziaria,
    /// impatto sull'utenza esterna, in the grid's order.
    scores: [u8; 4],
    description: Option<&'static str>,
    /// The other units it is common to.
    also: &'static [&'static str],
}

/// The plan of the Comune di Como, PEG 2024.
pub fn como_2024() -> Plan {
    let owned = |s: &str| s.to_string();
    Plan {
        ente: Ente {
            name: owned("Comune di Como"),
            year: 2024,
            levels: vec![owned("Area"), owned("Settore")],
        },
        grid: como_2024_grid(),
        units: UNITS
            .iter()
            .map(|&(id, name, level, parent)| Unit {
                id: owned(id),
                name: owned(name),
                level,
                parent: parent.map(owned),
            })
            .collect(),
        objectives: OBJECTIVES
            .iter()
            .enumerate()
            .map(|(i, row)| Objective {
                also: row.also.iter().copied().map(owned).collect(),
                title: owned(row.title),
                description: row.description.map(owned),
                scores: row
                    .scores
                    .iter()
                    .map(|&s| Some(Dec::from_int(i64::from(s))))
                    .collect(),
                ..Objective::empty(format!("o{}", i + 1), owned(row.unit), 0)
            })
            .collect(),
        organisational: ORGANISATIONAL
            .iter()
            .enumerate()
            .map(|(i, &(title, indicators))| OrgObjective {
                id: format!("po{}", i + 1),
                title: owned(title),
                indicators: indicators
                    .iter()
                    .map(|&(name, target)| Indicator {
                        name: owned(name),
                        target: owned(target),
                    })
                    .collect(),
                achievement: None,
            })
            .collect(),
        secretary: SECRETARY
            .iter()
            .enumerate()
            .map(|(i, &title)| PlainObjective {
                id: format!("sg{}", i + 1),
                title: owned(title),
            })
            .collect(),
        review_log: Vec::new(),
    }
}

/// The units: (id, name, level, parent).
const UNITS: [(&str, &str, usize, Option<&str>); 21] = [
    ("a1", "Area Amministrativa", 0, None),
    ("s1", "SETTORE 1: AFFARI GENERALI - CENTRALE AFFIDAMENTI E CONTRATTI", 1, Some("a1")),
    ("s2", "SETTORE 2: ORGANIZZAZIONE E RISORSE UMANE", 1, Some("a1")),
    ("a2", "Area Servizi al cittadino", 0, None),
    ("s3", "SETTORE 3: COMMERCIO - SUAP - SUEVCO - PATRIMONIO", 1, Some("a2")),
    ("s4", "SETTORE 4: SERVIZI DELEGATI", 1, Some("a2")),
    ("s5", "SETTORE 5: SERVIZI EDUCATIVI E SOCIALI - QUARTIEREI E PARTECIPAZIONE", 1, Some("a2")),
    ("s6", "SETTORE 6: PNRR - URP E COMUNICAZIONE - ARCHIVIO E PROTOCOLLO - SMART CITY - SERVIZI AMMINISTRATIVI CIMITERIALI", 1, Some("a2")),
    ("s7", "SETTORE 7: CULTURA - MUSEI - BIBLIOTECA - TURISMO - SPORT", 1, Some("a2")),
    ("s8", "SETTORE 8: SERVIZI PUBBLICI LOCALI A RETE - IGIENE URBANA", 1, Some("a2")),
    ("a3", "Area Territorio", 0, None),
    ("s9", "SETTORE 9: OPERE PUBBLICHE", 1, Some("a3")),
    ("s10", "SETTORE 10: SUE - INFRAZIONI EDILIZIE", 1, Some("a3")),
    ("s11", "SETTORE 11: PROGRAMMAZIONE TERRITORIALE - URBANISTICA - PIANIFICAZIONE DELLA MOBILITA' - VERDE - PARCHI E GIARDINI URBANI", 1, Some("a3")),
    ("s12", "SETTORE 12: AMBIENTE DIFESA DEL SUOLO - ACQUE METEORICHE", 1, Some("a3")),
    ("a4", "Area Economica", 0, None),
    ("s13", "SETTORE 13 RISORSE FINANZIARIE E SOCIETA' PARTECIPATE", 1, Some("a4")),
    ("s14", "SETTORE 14: TRIBUTI E RISCOSSIONI", 1, Some("a4")),
    ("s15", "SETTORE 15: SERVIZI ASSICURATIVI - LEGALITA' - PREVENZIONE E PROTEZIONE AZIENDALE", 1, Some("a4")),
    ("pl", "SETTORE: POLIZIA LOCALE E PROTEZIONE CIVILE", 1, None),
    ("avv", "SETTORE: AVVOCATURA COMUNALE", 1, None),
];

/// The objectives, numbered o1, o2… in this order.
const OBJECTIVES: [Row; 53] = [
    Row { unit: "s1", title: "BANCA DATI UNICA TRACCIABILITA' CONTRATTI", scores: [4, 4, 3, 7], description: None, also: &[] },
    Row { unit: "s1", title: "COMMITTENZA AUSILIARIA", scores: [4, 7, 2, 5], description: None, also: &[] },
    Row { unit: "s1", title: "Monitoraggio del costante adeguamento del comune di Como al Regolamento generale in materia di protezione dei dati personali approvato con Regolamento UE 679/2016, alla successiva normativa nazionale e comunitaria correlata e alle Linee Guida adottate dal Garante Italiano e dalle Istituzioni preposte in ambito europeo.", scores: [6, 7, 3, 10], description: None, also: &[] },
    Row { unit: "s2", title: "attivazione progressione in deroga tra aree, come da disposizioni contenute nel CCNL sul sistema di classificazione professionale del personale del comparto Funzioni Locali. (c.d. progressioni verticali)", scores: [6, 6, 2, 5], description: None, also: &[] },
    Row { unit: "s2", title: "Realizzazione fabbisogno assunzionale", scores: [8, 8, 4, 8], description: None, also: &[] },
    Row { unit: "s2", title: "Completamento del Piano della formazione", scores: [4, 8, 3, 6], description: None, also: &[] },
    Row { unit: "s3", title: "CENSIMENTO DIGITALE IMMOBILI DI PROPRIETA' COMUNALE - Seconda annualità 2024", scores: [6, 10, 4, 8], description: None, also: &[] },
    Row { unit: "s3", title: "GESTIONE IMMOBILI RESIDENZIALI", scores: [4, 10, 3, 8], description: None, also: &[] },
    Row { unit: "s4", title: "AMPLIAMENTO PROCESSO DI DIGITALIZZAZIONE DEI SERVIZI DEMOGRAFICI", scores: [4, 6, 2, 9], description: None, also: &[] },
    Row { unit: "s4", title: "ATTIVITA' DI ASSISTENZA E SUPPORTO AI COMUNI FACENTI PARTE DELLA COMMISSIONE ELETTORALE CIRCONDARIALE (CEC) NEL PROCESSO DI DIGITALIZZAZIONE IN MATERIA ELETTORALE", scores: [4, 5, 2, 9], description: None, also: &[] },
    Row { unit: "s4", title: "ANSC - ARCHIVIO NAZIONALE INFORMATIZZATO DEI REGISTRI DI STATO CIVILE -", scores: [3, 5, 2, 9], description: None, also: &[] },
    Row { unit: "s5", title: "IMPLEMENTAZIONE ESTERNALIZZAZIONE SERVIZI SCOLASTICI", scores: [5, 10, 2, 9], description: None, also: &[] },
    Row { unit: "s5", title: "AUMENTO DEI POSTI DISPONIBILI NEGLI ASILI NIDO E RIDUZIONE PROGRESSIVA DEGLI IMMOBILI IN GESTIONE DIRETTA", scores: [7, 6, 3, 8], description: None, also: &[] },
    Row { unit: "s5", title: "QUARTIERI \"le sedi civiche diventano veri e propri spazi espositivi, sedi di eventi, oltre che sedi in incontri e dibattiti politici\"", scores: [3, 7, 2, 9], description: None, also: &[] },
    Row { unit: "s6", title: "MESSA A REGIME DEL DIGITAL TWIN CITTADINO", scores: [8, 8, 3, 6], description: None, also: &[] },
    Row { unit: "s6", title: "DIGITALIZZAZIONE GRAFICA DEI CIMITERI CITTADINI", scores: [5, 7, 3, 8], description: None, also: &[] },
    Row { unit: "s6", title: "SMART PARKING: progetto pilota", scores: [5, 9, 4, 8], description: None, also: &[] },
    Row { unit: "s7", title: "SOSTENERE L'OFFERTA CULTURALE COME ATTRATTORE TURISTICO", scores: [3, 8, 3, 8], description: None, also: &[] },
    Row { unit: "s7", title: "VALORIZZAZIONE DEGLI IMPIANTI SPORTIVI COMUNALI", scores: [3, 5, 3, 8], description: None, also: &[] },
    Row { unit: "s7", title: "REGOLAMENTO PER L'USO DEGLI SPAZI ESPOSITIVI COMUNALI", scores: [3, 6, 3, 8], description: None, also: &[] },
    Row { unit: "s8", title: "CAMPAGNA DI MONITORAGGIO E CONTRASTO ALL'ABBANDONO DEI RIFIUTI", scores: [2, 7, 2, 8], description: None, also: &[] },
    Row { unit: "s8", title: "COMO CITTA' TURISTICA: EFFICIENTAMENTO DEL SERVIZIO DI RACCOLTA RIFIUTI", scores: [3, 7, 2, 8], description: None, also: &[] },
    Row { unit: "s8", title: "DIGITALIZZAZIONE PROCEDURA DI ISCRIZIONE PER ACCESSO AL DISPOSITIVO AUTOMATIZZATO PER LA RACCOLTA PRODOTTI ASSORBENTI PER FASCIA D'ETA' 0-3 ANNI (SMART BIN) -", scores: [2, 7, 2, 7], description: None, also: &[] },
    Row { unit: "s9", title: "NUOVA PROCEDURA PER LA GESTIONE DEL CICLO PASSIVO INTERNO AL SETTORE OPERE PUBBLICHE", scores: [5, 6, 3, 8], description: None, also: &[] },
    Row { unit: "s9", title: "NUOVA MODALITA' EFFICIENTAMENTO INTERVENTI MANUTENTIVI ISTITUTI SCOLASTICI", scores: [7, 8, 4, 9], description: None, also: &[] },
    Row { unit: "s9", title: "NUOVE MODALITA' EFFICIENTAMENTO INTERVENTI SU SEDI VIARIE E MARCIAPIEDI", scores: [7, 8, 4, 9], description: None, also: &[] },
    Row { unit: "s10", title: "ANALISI RICOGNITIVA PROCEDIMENTI CONDONI EDILIZI", scores: [3, 6, 2, 8], description: None, also: &[] },
    Row { unit: "s10", title: "ANALISI RICOGNITIVA PROCEDIMENTI INFRAZIONI EDILIZIE", scores: [3, 7, 2, 6], description: None, also: &[] },
    Row { unit: "s10", title: "ADOZIONE NUOVO SOFTWARE GESTIONALE SUE", scores: [3, 5, 1, 9], description: None, also: &[] },
    Row { unit: "s11", title: "INCREMENTARE L'OFFERTA DELLA SOSTA IN CITTA'", scores: [6, 10, 3, 6], description: None, also: &[] },
    Row { unit: "s11", title: "MIGLIORAMENTO FRUIBILITA' PARCHI URBANI", scores: [3, 6, 4, 5], description: None, also: &[] },
    Row { unit: "s11", title: "PIANI ATTUATIVI", scores: [3, 6, 4, 5], description: None, also: &[] },
    Row { unit: "s12", title: "ADOZIONE, AI SENSI DEL D.LGS. N. 194/05, DEL PIANO D'AZIONE MAPPATURA ACUSTICA ASSI STRADALI DI COMPETENZA DEL COMUNE DI COMO, CON FLUSSO VEICOLARE SUPERIORE A 3 MILIONI DI VEICOLI/ANNO", scores: [5, 7, 2, 6], description: None, also: &[] },
    Row { unit: "s12", title: "AGGIORNAMENTO DELLO STUDIO SUL RETICOLO MINORE COMUNALE E ADOZIONE DEL DOCUMENTO DI POLIZIA IDRAULICA", scores: [4, 6, 2, 6], description: None, also: &[] },
    Row { unit: "s12", title: "RICOGNIZIONE DEL RETICOLO IDRICO MINORE COMUNALE E INDIVIDUAZIONE DEGLI INTERVENTI DI MANUTENZIONE ORDINARIA E STRAORDINARIA URGENTI DEI CORSI D'ACQUA E DEI CANALI INTERRATI", scores: [3, 6, 2, 7], description: None, also: &[] },
    Row { unit: "s13", title: "RIORGANIZZAZIONE DI TUTTI I CAPITOLI DI ENTRATA E DI SPESA FINALIZZATO AD UNA MAGGIOR FLESSIBILITA' DI GESTIONE E DI ATTRIBUZIONE NEI CASI DI MODIFICA DEL FUNZIONIGRAMMA", scores: [7, 9, 3, 4], description: None, also: &[] },
    Row { unit: "s13", title: "ANALISI DEBITI CREDITI RECIPROCI SOCIETA' E ORGANISMI PARTECIPATI", scores: [6, 6, 2, 6], description: None, also: &[] },
    Row { unit: "s13", title: "PREDISPOSIZIONE GARA EUROPEA PER AFFIDAMENTO DEL SERVIZIO DI CUSTODIA, PULIZIA ED IGIENIZZAZIONE DI ALCUNI SERVIZI IGIENICI DIURNI COMUNALI", scores: [5, 5, 2, 6], description: None, also: &[] },
    Row { unit: "s14", title: "ATTIVAZIONE DEL CONTRADDITTORIO PREVENTIVO PER I CONTRIBUENTI DESTINATARI DI AVVISI DI ACCERTAMENTO AL FINE DI GARANTIRE LA LEGGITIMITA' DEI PROVVEDIMENTI DELL'ENTE", scores: [3, 6, 2, 8], description: None, also: &[] },
    Row { unit: "s14", title: "PREDISPOSIZIONE DEGLI ATTI NECESSARI PER RIDURRE L'ALiquOTA DELL'ADDIZIONALE COMUNALE ALL'IRPEF DELL'ANNO 2025", scores: [3, 12, 2, 9], description: None, also: &[] },
    Row { unit: "s14", title: "ATTIVITA' DI CONTRASTO DELL'EVASIONE FISCALE MEDIANTE AVVIO DELLE PROCEDURE DI RISCOSSIONE COATTIVA", scores: [3, 12, 2, 6], description: None, also: &[] },
    Row { unit: "s15", title: "ATTIVITA' FINALIZZATE A GARANTIRE UNA EFFICIENTE GESTIONE DELLE EMERGENZE NEI LUOGHI DI LAVORO", scores: [4, 6, 3, 6], description: None, also: &[] },
    Row { unit: "s15", title: "NUOVA CAMPAGNA DI SENSIBILIZZAZIONE DEL PERSONALE COMUNALE IN MATERIA DI SALUTE E SICUREZZA DEI LUOGHI DI LAVORO", scores: [4, 5, 3, 6], description: None, also: &[] },
    Row { unit: "s15", title: "STIPULA DI UNA POLIZZA CYBER RISKS", scores: [3, 4, 3, 9], description: None, also: &[] },
    Row { unit: "pl", title: "Bike patrol", scores: [3, 9, 1, 8], description: None, also: &[] },
    Row { unit: "pl", title: "Presidio Specchio Lacuale", scores: [4, 9, 1, 9], description: None, also: &[] },
    Row { unit: "pl", title: "Recupero Evasione Tributaria", scores: [4, 12, 3, 8], description: None, also: &[] },
    Row { unit: "avv", title: "Miglioramento dell'attività del servizio avvocatura interna all'Ente", scores: [4, 4, 2, 8], description: None, also: &[] },
    Row { unit: "avv", title: "Digitalizzazione dell'avvocatura comunale", scores: [4, 4, 2, 8], description: None, also: &[] },
    Row { unit: "avv", title: "Recupero crediti e immobili relativi a ERP e locazioni commerciali", scores: [4, 6, 4, 4], description: None, also: &[] },
    Row { unit: "s3", title: "Eventi in Sicurezza", scores: [6, 12, 1, 8], description: Some("Obiettivo intersettoriale: Settore 3, Settore 6, Settore 7, Polizia Locale."), also: &["s6", "s7", "pl"] },
    Row { unit: "s7", title: "CoMmUnity: I MUSEI CIVICI PER LO SVILUPPO DELLA COMUNITA'", scores: [3, 12, 3, 8], description: Some("Obiettivo intersettoriale: Settore 7, Settore 9."), also: &["s9"] },
    Row { unit: "s5", title: "ATTIVITA' FINALIZZATE AD IMPLEMENTARE LE MISURE PER LA GESTIONE IN SICUREZZA DELLE SITUAZIONI DI RISCHIO IN CASO DI EMERGENZA NEGLI ASILI NIDO CON GESTIONE IN ECONOMIA A BENEFICIO DEL PERSONALE DIPENDENTE E DELL'UTENZA ESTERNA", scores: [3, 9, 1, 10], description: Some("Obiettivo intersettoriale: Settore 5, Settore 15."), also: &["s15"] },
];

/// The organisational performance objectives, po1, po2…: (title, [(indicator, target)]).
const ORGANISATIONAL: [(&str, &[(&str, &str)]); 7] = [
    ("ACCERTAMENTI ENTRATE COMUNALI IN TEMPO REALE (art. 179 tuel)", &[("indicatore su consuntivo anno 2022 e fissazione target almeno +3% rispetto al 22", "100 % previsioni 24-26"), ("indicatore su consuntivo anno 2023 e fissazione target almeno + 3%", ">3% su 23"), ("Fase 3: verificare e eventuale intervento correttivo", "100 % previsioni 24-26")]),
    ("ELIMINAZIONE RESIDUI ATTIVI/PASSIVI PRECEDENTI AL 31 DIC 2020", &[("indicatore su consuntivo anno 2022 e fissazione target almeno +50%", "100 % su rendiconto 23"), ("eliminazione residui presenti al 31/12/2023", "100 % su rendiconto 24")]),
    ("INCLUSIONE SOCIALE - ACCESSIBILITA'", &[("attuazione interventi", "5% nuovi interventi rispetto al 2023")]),
    ("LEGALITA' - ANTICORRUZIONE - TRASPARENZA", &[("la valutazione espressa dal Nucleo attraverso la griglia ANAC", "almeno l'85% di valutazioni del tutto positive")]),
    ("MIGLIORAMENTO DELLA CONOSCENZA – FORMAZIONE: OBBLIGATORIA (protezione aziendale, prevenzione della corruzione, etica, trasparenza) e SPECIFICA", &[("ore di formazione pro capite", "24 ore")]),
    ("RISPETTO TEMPI DI PAGAMENTO", &[("rispetto dei tempi di pagamento = zero (sull'80% dell'importo delle fatture)", "100%")]),
    ("URP: EVASIONE PRATICHE SU \"SEGNALA.COMO.IT\"", &[("5 giorni (lavorativi) per rispondere", "95%")]),
];

/// The Segretario generale's objectives, sg1, sg2….
const SECRETARY: [&str; 3] = [
    "Regolamentazione e monitoraggio della attività extraistituzionale svolta dai dipendenti comunali al fine di scongiurare situazioni di incompatibilità e conflitto di interessi.",
    "Regolamentazione dei corrispettivi da versare al Comune da parte di soggetti terzi per le attività di sicurezza e di polizia stradale effettuate da personale di PL in occasione di eventi e iniziative di carattere privato",
    "Regolamentazione del nuovo servizio \"Avvocatura\" del Comune, discendente dalla proposta di nuova macrostruttura dell'ente",
];

package org.attentionatlas.datasets.bias;

/** WinoBias condition: the pronoun's gender matches the occupation's stereotype (PRO) or not (ANTI). */
public enum Stereotype {
    PRO, ANTI;

    String filePrefix() {
        return this == PRO ? "pro_stereotyped" : "anti_stereotyped";
    }
}

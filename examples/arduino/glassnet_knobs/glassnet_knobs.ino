// glassnet knobs: two potentiometers and a button drive a glassnet session.
//
//   knob on A0  -> learning_rate, from 0.001 to 1
//   knob on A1  -> x of the point glassnet is asked about, from -6 to 6
//   button on 2 -> play / pause (to ground; the input's pull-up keeps it high)
//
// Start glassnet with the board's port:  glassnet --serial /dev/ttyACM0
// Each command is one line of text (docs/controllers.md). A line goes only when
// a knob really moved, so glassnet gets the latest value and never a flood.

const int RATE_KNOB = A0;
const int POINT_KNOB = A1;
const int BUTTON = 2;
const int LED = LED_BUILTIN;  // lights up where the network says "class 1"

int lastRate = -100;   // the knobs' last readings sent (0..1023)
int lastPoint = -100;
bool playing = false;
bool wasPressed = false;

void setup() {
  Serial.begin(9600);  // glassnet --serial-baud 9600 (the default)
  pinMode(BUTTON, INPUT_PULLUP);
  pinMode(LED, OUTPUT);
}

void loop() {
  int rate = analogRead(RATE_KNOB);
  if (abs(rate - lastRate) > 4) {  // a knob's reading wobbles by a few steps: ignore that
    lastRate = rate;
    // 0..1023 -> 0.001..1, on a log scale (each quarter turn is 10 times larger)
    float learningRate = pow(10, -3 + 3.0 * rate / 1023.0);
    Serial.print("learning_rate ");
    Serial.println(learningRate, 4);
  }

  int point = analogRead(POINT_KNOB);
  if (abs(point - lastPoint) > 4) {
    lastPoint = point;
    float x = -6 + 12.0 * point / 1023.0;
    Serial.print("point ");
    Serial.print(x, 2);
    Serial.println(" 0");  // y stays 0: the knob moves the point along the x axis
  }

  bool pressed = digitalRead(BUTTON) == LOW;
  if (pressed && !wasPressed) {  // pressed just now
    playing = !playing;
    Serial.println(playing ? "play" : "pause");
  }
  wasPressed = pressed;

  // glassnet answers each point with "output 0.7312": light the LED above 0.5.
  if (Serial.available()) {
    String line = Serial.readStringUntil('\n');
    if (line.startsWith("output ")) {
      digitalWrite(LED, line.substring(7).toFloat() > 0.5 ? HIGH : LOW);
    }
  }

  delay(20);  // 50 readings a second are plenty for a hand on a knob
}
